// Support plans: what every plan command shares — its arguments, the version conflict answer, chronology, audit.
import { recordAuditor } from "~/kit/audit.server";
import { callerActor, type Caller, type CommandArgs } from "~/kit/request.server";
import { versionConflict, type ConflictChange, type Refusal } from "~/kit/results";
import type { VersionedModel } from "~/kit/version.server";
import { recordChronology } from "~/modules/chronology/chronology.server";
import { getPrisma, type AppTransaction } from "~/server/db.server";

/**
 * Every plan command: authorise with the plan policy (authorizePlan, audited 404 on denial) →
 * check references (unknown ids are field errors, never 500s) → write in one transaction that
 * first moves the version (kit writeAtVersion), so a second writer holding an old version
 * changes nothing and is shown what changed → chronology in the same transaction → audit with
 * field names (never values) after commit.
 */

/** A command on one plan: the caller, the plan's id from the URL and the validated input. */
export type PlanArgs<Input> = CommandArgs<Input, { planId: string }>;

export const auditPlan = recordAuditor("support_plan");

/** The plan (or a goal) at the version the form was loaded with. */
export const planAt = (id: string, version: number, model: VersionedModel = "supportPlan") => ({ model, id, version });

export const dayDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function normalise(value: unknown): ConflictChange["value"] {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined) return null;
  return value as string | number | null;
}

/**
 * A stale version: what the record holds now in `shown`, for the second writer to decide; the
 * attempt is audited as a failed "support_plan.conflict" naming `fields`.
 */
export async function conflictOf(
  caller: Caller,
  record: { model: "supportPlan" | "supportPlanGoal"; type: string; id: string },
  fields: readonly string[],
  shown: readonly string[] = fields,
): Promise<Refusal> {
  const prisma = await getPrisma();
  const select: Record<string, true> = { id: true, version: true };
  for (const field of shown) select[field] = true;
  const args = { where: { id: record.id }, select };
  const current = (record.model === "supportPlan"
    ? await prisma.supportPlan.findUniqueOrThrow(args)
    : await prisma.supportPlanGoal.findUniqueOrThrow(args)) as unknown as Record<string, unknown>;
  await recordAuditor(record.type)(caller, "support_plan.conflict", record.id, fields, undefined, "failed");
  return versionConflict({ version: current.version as number, changes: shown.map((field) => ({ field, value: normalise(current[field]) })) });
}

/** The plan's conflict: its status and the fields the user tried to change. */
export function planConflict(caller: Caller, planId: string, fields: readonly string[]): Promise<Refusal> {
  return conflictOf(caller, { model: "supportPlan", type: "support_plan", id: planId }, fields, ["status", ...fields]);
}

export function chronology(tx: AppTransaction, facts: { id: string; personId: string }, caller: Caller, kind: string, at = new Date()) {
  const actor = callerActor(caller);
  return recordChronology(
    { personId: facts.personId, recordType: "support_plan", recordId: facts.id, kind, agencyId: actor.agencyId, authorUserId: actor.id, at },
    tx,
  );
}
