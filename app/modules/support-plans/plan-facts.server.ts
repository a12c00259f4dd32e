// Support plans: the facts every plan decision needs, and the policy check on them (audited 404).
import { authorizeRecord, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnPlan, type PlanAction, type PlanScopeFacts, type PlanStatus } from "~policies/support-plan.policy";

export const FACTS_SELECT = {
  id: true,
  personId: true,
  status: true,
  isProposal: true,
  leadUserId: true,
  leadAgencyId: true,
  territoryId: true,
  closureRequestedById: true,
  reviewIntervalMonths: true,
  version: true,
  members: { select: { id: true, userId: true, agencyId: true, removedAt: true } },
} as const;

export type PlanFacts = Omit<PlanScopeFacts, "members"> & {
  personId: string;
  reviewIntervalMonths: number;
  version: number;
  members: { id: string; userId: string; agencyId: string; removedAt: Date | null }[];
};

export async function loadPlanFacts(planId: string): Promise<PlanFacts | null> {
  const prisma = await getPrisma();
  const plan = await prisma.supportPlan.findUnique({ where: { id: planId }, select: FACTS_SELECT });
  return plan ? { ...plan, status: plan.status as PlanStatus } : null;
}

/** The plan's scope facts if the caller may do `action`; otherwise an audited 404. */
export function authorizePlan(caller: Caller, planId: string, action: PlanAction): Promise<PlanFacts> {
  return authorizeRecord(
    caller,
    { type: "support_plan", id: planId },
    () => loadPlanFacts(planId),
    (actor, facts) => mayActOnPlan(actor, action, facts),
  );
}

/** The lead and the members not removed: the plan's team. */
export function activeTeam(facts: Pick<PlanFacts, "leadUserId" | "members">): string[] {
  return [facts.leadUserId, ...facts.members.filter((m) => m.removedAt === null).map((m) => m.userId)];
}

type PersonName = { surname?: string | null; givenName?: string | null; patronymic?: string | null };

function fullName(person: PersonName | undefined | null): string | null {
  if (!person) return null;
  return [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ") || null;
}

/** Children's full names by person id (decided by the plan policy's "childName" field, not here). */
export async function childNames(ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const prisma = await getPrisma();
  const people = await prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, surname: true, givenName: true, patronymic: true } });
  return new Map(people.map((person) => [person.id, fullName(person)]));
}
