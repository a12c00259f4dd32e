import { recordChronology } from "~/modules/chronology/chronology.server";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { actorOf, deny, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma, type AppTransaction } from "~/server/db.server";
import type { FieldErrors } from "~/server/forms.server";
import { newId } from "~/server/ids.server";
import type { AuditAction } from "~/server/audit/actions";
import { mayActOnPerson } from "~policies/person.policy";
import type { RoleName } from "~policies/roles";
import { mayActOnPlan, mayJoinPlans, mayLeadPlans } from "~policies/support-plan.policy";
import {
  addMonths,
  todayIso,
  type ClosureRequestInput,
  type EditPlanInput,
  type GoalInput,
  type OpenPlanInput,
  type ReviewInput,
} from "./support-plans.schema";
import { authorizePlan, type Context, type PlanFacts } from "./support-plans.server";

/**
 * Support plans, write side. Every command: authorise with the plan policy (audited 404 on
 * denial) → check references (unknown ids are field errors, never 500s) → write in one
 * transaction that first moves the version (`updateMany where {id, version}`), so a second
 * writer holding an old version changes nothing and is shown what changed → chronology in the
 * same transaction → audit with field names (never values) after commit.
 */

export type ConflictChange = { field: string; value: string | number | string[] | null };
export type Conflict = { version: number; changes: ConflictChange[] };
export type CommandResult = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; conflict: Conflict };

type Args<T> = { user: AuthorizedUser; context: Context; planId: string; input: T };

class VersionConflict extends Error {}

const dayDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const fieldError = (field: string, key: string): CommandResult => ({ ok: false, fieldErrors: { [field]: key } as FieldErrors });

/** Runs `write` in a transaction after moving the plan's version; a stale version is a conflict. */
async function withPlanVersion(planId: string, version: number, write: (tx: AppTransaction) => Promise<void>): Promise<boolean> {
  const prisma = await getPrisma();
  try {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.supportPlan.updateMany({ where: { id: planId, version }, data: { version: { increment: 1 } } });
      if (moved.count !== 1) throw new VersionConflict();
      await write(tx);
    });
    return true;
  } catch (error) {
    if (error instanceof VersionConflict) return false;
    throw error;
  }
}

async function audit(
  user: AuthorizedUser,
  context: Context,
  action: AuditAction,
  recordId: string,
  fields: string[],
  purpose?: string,
  recordType = "support_plan",
) {
  await recordAudit({ actor: auditActor(user), action, decision: "allowed", record: { type: recordType, id: recordId }, fields, purpose, context });
}

/** What the plan holds now (the fields the user tried to change), for the second writer to decide. */
async function planConflict(user: AuthorizedUser, context: Context, planId: string, fields: readonly string[]): Promise<CommandResult> {
  const prisma = await getPrisma();
  const select: Record<string, true> = { id: true, version: true, status: true };
  for (const field of fields) select[field] = true;
  const current = (await prisma.supportPlan.findUniqueOrThrow({ where: { id: planId }, select })) as unknown as Record<string, unknown>;
  await recordAudit({
    actor: auditActor(user),
    action: "support_plan.conflict",
    decision: "failed",
    record: { type: "support_plan", id: planId },
    fields: [...fields],
    context,
  });
  return {
    ok: false,
    conflict: {
      version: current.version as number,
      changes: ["status", ...fields].map((field) => ({ field, value: normalise(current[field]) })),
    },
  };
}

function normalise(value: unknown): ConflictChange["value"] {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined) return null;
  return value as string | number | null;
}

function chronology(tx: AppTransaction, facts: { id: string; personId: string }, user: AuthorizedUser, kind: string, at = new Date()) {
  const actor = actorOf(user);
  return recordChronology(
    { personId: facts.personId, recordType: "support_plan", recordId: facts.id, kind, agencyId: actor.agencyId, authorUserId: actor.id, at },
    tx,
  );
}

const narrativeFields = (input: { groundsOther: string | null; parentInvolvement: string | null; childView: string | null }) =>
  (["groundsOther", "parentInvolvement", "childView"] as const).filter((field) => input[field] !== null);

// ---------------------------------------------------------------------------------------
// Open, accept, activate, edit
// ---------------------------------------------------------------------------------------

/** Open a plan (inspector, social worker: they lead it) or a proposal (pedagogue). */
export async function openPlan(args: { user: AuthorizedUser; context: Context; input: OpenPlanInput }): Promise<CommandResult> {
  const actor = actorOf(args.user);
  const mode = mayActOnPlan(actor, "open", null) ? "open" : mayActOnPlan(actor, "propose", null) ? "propose" : null;
  if (!mode) return deny(args.user, args.context, { type: "area", id: "plans.new" });
  const prisma = await getPrisma();
  const person = await prisma.person.findUnique({
    where: { id: args.input.personId },
    select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true },
  });
  if (!person || person.mergedIntoId !== null || !mayActOnPerson(actor, "read", person)) {
    // Unknown and out of scope look the same to the user; the attempt is audited.
    await recordAudit({
      actor: auditActor(args.user),
      action: "record.read_denied",
      decision: "denied",
      record: { type: "person", id: args.input.personId },
      purpose: "support_plan.open",
      context: args.context,
    });
    return fieldError("personId", "plan.error.unknownPerson");
  }
  const planId = newId();
  const { personId: _personId, ...content } = args.input;
  await prisma.$transaction(async (tx) => {
    await tx.supportPlan.create({
      data: {
        id: planId,
        personId: person.id,
        status: "draft",
        isProposal: mode === "propose",
        ...content,
        // A proposal is held by its proposer until a lead accepts it.
        leadUserId: actor.id,
        leadAgencyId: actor.agencyId,
        territoryId: actor.territoryId,
        createdById: actor.id,
      },
    });
    await chronology(tx, { id: planId, personId: person.id }, args.user, mode === "open" ? "support_plan.opened" : "support_plan.proposed");
  });
  await audit(args.user, args.context, mode === "open" ? "support_plan.open" : "support_plan.propose", planId, [
    "grounds",
    "reviewIntervalMonths",
    ...narrativeFields(content),
  ]);
  return { ok: true, id: planId };
}

/** A lead worker of the district takes over a pedagogue's proposal; the proposer joins the team. */
export async function acceptProposal(args: Args<{ version: number; proposerRole: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "accept");
  const actor = actorOf(args.user);
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data: { isProposal: false, leadUserId: actor.id, leadAgencyId: actor.agencyId } });
    await tx.supportPlanMember.create({
      data: { id: newId(), planId: facts.id, userId: facts.leadUserId, agencyId: facts.leadAgencyId, roleInPlan: args.input.proposerRole, addedById: actor.id },
    });
    await chronology(tx, facts, args.user, "support_plan.accepted");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, ["isProposal", "leadUserId"]);
  await audit(args.user, args.context, "support_plan.accept", facts.id, ["isProposal", "leadUserId", "leadAgencyId", "members.roleInPlan"]);
  return { ok: true, id: facts.id };
}

/** Draft → active; the first review falls due after the plan's interval. */
export async function activatePlan(args: Args<{ version: number }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "activate");
  const nextReviewDue = dayDate(addMonths(todayIso(), facts.reviewIntervalMonths));
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data: { status: "active", nextReviewDue } });
    await chronology(tx, facts, args.user, "support_plan.activated");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, ["nextReviewDue"]);
  await audit(args.user, args.context, "support_plan.activate", facts.id, ["status", "nextReviewDue"]);
  return { ok: true, id: facts.id };
}

/** Grounds, the family's involvement, the child's view and the review interval. */
export async function editPlan(args: Args<EditPlanInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "update");
  const { version, ...data } = args.input;
  const ok = await withPlanVersion(facts.id, version, async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data });
  });
  const fields = ["grounds", "groundsOther", "parentInvolvement", "childView", "reviewIntervalMonths"];
  if (!ok) return planConflict(args.user, args.context, facts.id, fields);
  await audit(args.user, args.context, "support_plan.update", facts.id, fields);
  return { ok: true, id: facts.id };
}

// ---------------------------------------------------------------------------------------
// Team
// ---------------------------------------------------------------------------------------

export async function addMember(args: Args<{ version: number; userId: string; roleInPlan: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "add_member");
  const prisma = await getPrisma();
  const candidate = await prisma.user.findUnique({ where: { id: args.input.userId }, select: { id: true, status: true, roles: true, agencyId: true } });
  if (!candidate || candidate.status !== "active" || !mayJoinPlans(candidate.roles as RoleName[])) return fieldError("userId", "plan.error.unknownUser");
  if (candidate.id === facts.leadUserId || facts.members.some((m) => m.userId === candidate.id && m.removedAt === null)) {
    return fieldError("userId", "plan.error.alreadyMember");
  }
  const memberId = newId();
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlanMember.create({
      data: { id: memberId, planId: facts.id, userId: candidate.id, agencyId: candidate.agencyId, roleInPlan: args.input.roleInPlan, addedById: args.user.id },
    });
    await chronology(tx, facts, args.user, "support_plan.member_added");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await audit(args.user, args.context, "support_plan.member_add", facts.id, ["userId", "agencyId", "roleInPlan"], `member:${memberId}`);
  return { ok: true, id: memberId };
}

/** Removal keeps the row (history) and ends access on the member's next request. */
export async function removeMember(args: Args<{ version: number; memberId: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "remove_member");
  const member = facts.members.find((m) => m.id === args.input.memberId && m.removedAt === null);
  if (!member) return fieldError("memberId", "plan.error.unknownMember");
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlanMember.update({ where: { id: member.id }, data: { removedAt: new Date() } });
    await chronology(tx, facts, args.user, "support_plan.member_removed");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await audit(args.user, args.context, "support_plan.member_remove", facts.id, ["removedAt"], `member:${member.id}`);
  return { ok: true, id: member.id };
}

// ---------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------

async function checkGoalReferences(facts: PlanFacts, input: GoalInput): Promise<CommandResult | null> {
  const prisma = await getPrisma();
  const agency = await prisma.agency.findUnique({ where: { id: input.responsibleAgencyId }, select: { id: true, status: true } });
  if (!agency || agency.status !== "active") return fieldError("responsibleAgencyId", "plan.error.unknownAgency");
  if (input.responsibleUserId) {
    const team = new Set([facts.leadUserId, ...facts.members.filter((m) => m.removedAt === null).map((m) => m.userId)]);
    const user = await prisma.user.findUnique({ where: { id: input.responsibleUserId }, select: { id: true, agencyId: true } });
    if (!user || !team.has(user.id)) return fieldError("responsibleUserId", "plan.error.responsibleUser");
    if (user.agencyId !== agency.id) return fieldError("responsibleUserId", "plan.error.responsibleUserAgency");
  }
  return null;
}

const goalData = (input: GoalInput) => ({
  text: input.text,
  responsibleAgencyId: input.responsibleAgencyId,
  responsibleUserId: input.responsibleUserId,
  dueDate: dayDate(input.dueDate),
  status: input.status,
  notDoneReason: input.status === "not_done" ? input.notDoneReason : null,
});
const GOAL_FIELDS = ["text", "responsibleAgencyId", "responsibleUserId", "dueDate", "status", "notDoneReason"];

/** A new goal carries the plan's version (the goal list is part of the plan). */
export async function addGoal(args: Args<GoalInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "update");
  const problem = await checkGoalReferences(facts, args.input);
  if (problem) return problem;
  const goalId = newId();
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlanGoal.create({ data: { id: goalId, planId: facts.id, ...goalData(args.input) } });
    await chronology(tx, facts, args.user, "support_plan.goal_added");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await audit(
    args.user,
    args.context,
    "support_plan.goal_add",
    facts.id,
    GOAL_FIELDS.filter((f) => f !== "notDoneReason" || args.input.status === "not_done"),
    `goal:${goalId}`,
  );
  return { ok: true, id: goalId };
}

/** A goal is updated with its own version, so two people can work on different goals at once. */
export async function updateGoal(args: Args<GoalInput> & { goalId: string }): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "update");
  const prisma = await getPrisma();
  const goal = await prisma.supportPlanGoal.findFirst({ where: { id: args.goalId, planId: facts.id }, select: { id: true } });
  if (!goal) return deny(args.user, args.context, { type: "support_plan_goal", id: args.goalId });
  const problem = await checkGoalReferences(facts, args.input);
  if (problem) return problem;
  let conflict = false;
  await prisma.$transaction(async (tx) => {
    const moved = await tx.supportPlanGoal.updateMany({ where: { id: goal.id, version: args.input.version }, data: { version: { increment: 1 } } });
    if (moved.count !== 1) {
      conflict = true;
      return;
    }
    await tx.supportPlanGoal.update({ where: { id: goal.id }, data: goalData(args.input) });
    await chronology(tx, facts, args.user, "support_plan.goal_updated");
  });
  if (conflict) {
    const current = await prisma.supportPlanGoal.findUniqueOrThrow({
      where: { id: goal.id },
      select: { id: true, version: true, text: true, responsibleAgencyId: true, responsibleUserId: true, dueDate: true, status: true, notDoneReason: true },
    });
    await recordAudit({
      actor: auditActor(args.user),
      action: "support_plan.conflict",
      decision: "failed",
      record: { type: "support_plan_goal", id: goal.id },
      fields: GOAL_FIELDS,
      context: args.context,
    });
    return {
      ok: false,
      conflict: { version: current.version, changes: GOAL_FIELDS.map((field) => ({ field, value: normalise((current as Record<string, unknown>)[field]) })) },
    };
  }
  await audit(args.user, args.context, "support_plan.goal_update", facts.id, GOAL_FIELDS, `goal:${goal.id}`);
  return { ok: true, id: goal.id };
}

// ---------------------------------------------------------------------------------------
// Reviews and closure
// ---------------------------------------------------------------------------------------

/** Closure rules shared by the closure request and a review that asks for closure. */
async function checkClosure(facts: PlanFacts, input: Pick<ClosureRequestInput, "closureReason" | "transferTerritoryId">): Promise<CommandResult | null> {
  const prisma = await getPrisma();
  if (input.closureReason === "rehabilitated") {
    const open = await prisma.supportPlanGoal.count({ where: { planId: facts.id, status: { in: ["planned", "in_progress"] } } });
    const all = await prisma.supportPlanGoal.count({ where: { planId: facts.id } });
    if (open > 0 || all === 0) return fieldError("closureReason", "plan.error.goalsNotAssessed");
  }
  if (input.closureReason === "moved") {
    const territory = input.transferTerritoryId
      ? await prisma.territory.findUnique({ where: { id: input.transferTerritoryId }, select: { id: true, kind: true } })
      : null;
    if (!territory || (territory.kind !== "district" && territory.kind !== "city")) return fieldError("transferTerritoryId", "plan.error.unknownTerritory");
    if (territory.id === facts.territoryId) return fieldError("transferTerritoryId", "plan.error.sameTerritory");
  }
  return null;
}

type ClosureChoice = Pick<ClosureRequestInput, "closureReason" | "closureJustification" | "transferTerritoryId">;

/** The district the child moved to: kept only with the reason "moved" (checked by checkClosure). */
const closureTarget = (input: ClosureChoice) => (input.closureReason === "moved" ? input.transferTerritoryId : null);

const closureData = (user: AuthorizedUser, input: ClosureChoice) => ({
  status: "closure_requested" as const,
  closureReason: input.closureReason,
  closureJustification: input.closureJustification,
  closureTransferTerritoryId: closureTarget(input),
  closureRequestedAt: new Date(),
  closureRequestedById: user.id,
  closureDecisionComment: null,
});

/** The closure request's audit: field names, and the target district's id (not case content) as purpose. */
function auditClosureRequest(user: AuthorizedUser, context: Context, planId: string, input: ClosureChoice) {
  const target = closureTarget(input);
  const fields = [
    "status",
    "closureReason",
    ...(input.closureJustification ? ["closureJustification"] : []),
    ...(target ? ["closureTransferTerritoryId"] : []),
  ];
  return audit(user, context, "support_plan.closure_request", planId, fields, target ? `moved-to:${target}` : undefined);
}

/** Everything a closure request wrote, cleared again (returned or reopened). */
const CLEARED_CLOSURE = {
  closureReason: null,
  closureJustification: null,
  closureTransferTerritoryId: null,
  closureRequestedAt: null,
  closureRequestedById: null,
} as const;

/** A review sets the next due date; the lead's "request closure" decision starts the closure request. */
export async function recordReview(args: Args<ReviewInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "record_review");
  const input = args.input;
  const requestsClosure = input.decision === "request_closure";
  if (requestsClosure) {
    if (facts.status !== "active" || !mayActOnPlan(actorOf(args.user), "request_closure", facts)) return fieldError("decision", "plan.error.closureLeadOnly");
    const problem = await checkClosure(facts, { closureReason: input.closureReason!, transferTerritoryId: input.transferTerritoryId });
    if (problem) return problem;
  }
  const reviewId = newId();
  const nextReviewDue = dayDate(addMonths(input.reviewedOn, facts.reviewIntervalMonths));
  const ok = await withPlanVersion(facts.id, input.version, async (tx) => {
    await tx.supportPlanReview.create({
      data: {
        id: reviewId,
        planId: facts.id,
        reviewedOn: dayDate(input.reviewedOn),
        progressNote: input.progressNote,
        riskRating: input.riskRating,
        decision: input.decision,
        authorUserId: args.user.id,
      },
    });
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: requestsClosure
        ? {
            nextReviewDue,
            ...closureData(args.user, {
              closureReason: input.closureReason!,
              closureJustification: input.closureJustification,
              transferTerritoryId: input.transferTerritoryId,
            }),
          }
        : { nextReviewDue },
    });
    await chronology(tx, facts, args.user, "support_plan.review_recorded");
    if (requestsClosure) await chronology(tx, facts, args.user, "support_plan.closure_requested");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, ["nextReviewDue"]);
  await audit(
    args.user,
    args.context,
    "support_plan.review",
    facts.id,
    ["reviewedOn", "progressNote", "riskRating", "decision", "nextReviewDue"],
    `review:${reviewId}`,
  );
  if (requestsClosure)
    await auditClosureRequest(args.user, args.context, facts.id, {
      closureReason: input.closureReason!,
      closureJustification: input.closureJustification,
      transferTerritoryId: input.transferTerritoryId,
    });
  return { ok: true, id: reviewId };
}

export async function requestClosure(args: Args<ClosureRequestInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "request_closure");
  const problem = await checkClosure(facts, args.input);
  if (problem) return problem;
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data: closureData(args.user, args.input) });
    await chronology(tx, facts, args.user, "support_plan.closure_requested");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await auditClosureRequest(args.user, args.context, facts.id, args.input);
  return { ok: true, id: facts.id };
}

/** The district supervisor (four eyes) approves: the plan is closed; nothing else ends a plan. */
export async function approveClosure(args: Args<{ version: number; comment: string | null }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "decide_closure");
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: { status: "closed", closedAt: new Date(), closedById: args.user.id, closureDecisionComment: args.input.comment, nextReviewDue: null },
    });
    await chronology(tx, facts, args.user, "support_plan.closure_approved");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await audit(args.user, args.context, "support_plan.closure_approve", facts.id, [
    "status",
    "closedAt",
    ...(args.input.comment ? ["closureDecisionComment"] : []),
  ]);
  return { ok: true, id: facts.id };
}

/** Returned with a comment: the plan is active again and the request is cleared. */
export async function returnClosure(args: Args<{ version: number; comment: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "decide_closure");
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: { status: "active", ...CLEARED_CLOSURE, closureDecisionComment: args.input.comment },
    });
    await chronology(tx, facts, args.user, "support_plan.closure_returned");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await audit(args.user, args.context, "support_plan.closure_return", facts.id, ["status", "closureDecisionComment"]);
  return { ok: true, id: facts.id };
}

export async function reopenPlan(args: Args<{ version: number }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "reopen");
  const nextReviewDue = dayDate(addMonths(todayIso(), facts.reviewIntervalMonths));
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: {
        status: "active",
        closedAt: null,
        closedById: null,
        ...CLEARED_CLOSURE,
        closureDecisionComment: null,
        nextReviewDue,
      },
    });
    await chronology(tx, facts, args.user, "support_plan.reopened");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, []);
  await audit(args.user, args.context, "support_plan.reopen", facts.id, ["status", "closedAt", "closureReason", "nextReviewDue"]);
  return { ok: true, id: facts.id };
}

/** Hand the plan to a lead in another district: lead, agency and territory change; the chronology keeps the history. */
export async function transferPlan(args: Args<{ version: number; leadUserId: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args.user, args.context, args.planId, "transfer");
  const prisma = await getPrisma();
  const target = await prisma.user.findUnique({
    where: { id: args.input.leadUserId },
    select: { id: true, status: true, roles: true, agencyId: true, agency: { select: { territoryId: true, status: true } } },
  });
  if (!target || target.status !== "active" || target.agency.status !== "active" || !mayLeadPlans(target.roles as RoleName[])) {
    return fieldError("leadUserId", "plan.error.transferTarget");
  }
  if (target.agency.territoryId === facts.territoryId) return fieldError("leadUserId", "plan.error.sameTerritory");
  const ok = await withPlanVersion(facts.id, args.input.version, async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: { leadUserId: target.id, leadAgencyId: target.agencyId, territoryId: target.agency.territoryId },
    });
    await chronology(tx, facts, args.user, "support_plan.transferred");
  });
  if (!ok) return planConflict(args.user, args.context, facts.id, ["leadUserId", "territoryId"]);
  await audit(
    args.user,
    args.context,
    "support_plan.transfer",
    facts.id,
    ["leadUserId", "leadAgencyId", "territoryId"],
    `from:${facts.territoryId};to:${target.agency.territoryId}`,
  );
  return { ok: true, id: facts.id };
}
