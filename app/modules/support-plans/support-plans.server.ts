// Support plans: the reads behind the pages (caseload, a person's plans, one plan, the new-plan form).
import { auditBy, recordAuditor } from "~/kit/audit.server";
import { authorizeRecord, callerActor, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { caseloadPageIds } from "./caseload-query.server";
import { mayActOnPerson } from "~policies/person.policy";
import type { Actor } from "~policies/roles";
import { mayActOnPlan, PLAN_ACTIONS, planListWhere, visiblePlanFields, type PlanAction, type PlanField, type PlanStatus } from "~policies/support-plan.policy";
import { authorizePlan, childNames, FACTS_SELECT, type PlanFacts } from "./plan-facts.server";

/**
 * Every decision goes through policies/support-plan.policy.ts; only
 * the fields a viewer may see are selected, so hidden fields are never decrypted nor sent.
 * Reading a plan lets the viewer see the child's name (the team must know whom it helps):
 * that is the plan policy's "childName" field, decided here, not by the person policy.
 */

type Names = { nameRu: string; nameKy: string; nameEn: string };
const auditPlan = recordAuditor("support_plan");

// ---------------------------------------------------------------------------------------
// Caseload
// ---------------------------------------------------------------------------------------

export const PAGE_SIZE = 50;

export type CaseloadRow = {
  id: string;
  status: PlanStatus;
  isProposal: boolean;
  childName: string | null;
  leadDisplayName: string;
  myRelation: "lead" | "member" | "other";
  nextReviewDue: string | null;
};

/** Rows in the order of `ids` (a plan gone since the ids were read is left out). */
function inIdOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The user's caseload: plans they lead or are an active member of, supervisors' district, open proposals. */
export async function listCaseload(args: Caller & { page: number }): Promise<{ rows: CaseloadRow[]; hasNext: boolean }> {
  const prisma = await getPrisma();
  const actor = callerActor(args);
  const select = { ...FACTS_SELECT, nextReviewDue: true } as const;
  // The page's ids by one indexed query per policy scope (caseload-query.server.ts translates
  // planListWhere; null: a scope it does not know, so the policy's where is used as it is).
  const ids = await caseloadPageIds(prisma, actor, (args.page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
  const plans =
    ids === null
      ? await prisma.supportPlan.findMany({
          where: planListWhere(actor),
          select,
          orderBy: [{ nextReviewDue: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          skip: (args.page - 1) * PAGE_SIZE,
          take: PAGE_SIZE + 1,
        })
      : await inIdOrder(ids, ids.length === 0 ? [] : await prisma.supportPlan.findMany({ where: { id: { in: ids } }, select }));
  const page = plans.slice(0, PAGE_SIZE).map((plan) => ({ ...plan, status: plan.status as PlanStatus }));
  // The where above is the policy's; re-checking each row keeps list and detail in step.
  const readable = page.filter((plan) => mayActOnPlan(actor, "read", plan));
  const named = readable.filter((plan) => visiblePlanFields(actor, plan).includes("childName"));
  const [names, leads] = await Promise.all([
    childNames([...new Set(named.map((plan) => plan.personId))]),
    prisma.user.findMany({ where: { id: { in: [...new Set(readable.map((plan) => plan.leadUserId))] } }, select: { id: true, displayName: true } }),
  ]);
  const leadName = new Map(leads.map((lead) => [lead.id, lead.displayName]));
  const namedIds = new Set(named.map((plan) => plan.id));
  const rows = readable.map<CaseloadRow>((plan) => ({
    id: plan.id,
    status: plan.status,
    isProposal: plan.isProposal,
    childName: namedIds.has(plan.id) ? (names.get(plan.personId) ?? null) : null,
    leadDisplayName: leadName.get(plan.leadUserId) ?? "",
    myRelation: plan.leadUserId === actor.id ? "lead" : plan.members.some((m) => m.userId === actor.id && m.removedAt === null) ? "member" : "other",
    nextReviewDue: plan.nextReviewDue?.toISOString() ?? null,
  }));
  await auditBy(args, { action: "support_plan.list", fields: named.length > 0 ? ["childName"] : [], purpose: `page:${args.page};results:${rows.length}` });
  return { rows, hasNext: plans.length > PAGE_SIZE };
}

export type PersonPlanSummary = {
  id: string;
  status: PlanStatus;
  isProposal: boolean;
  grounds: string[];
  leadDisplayName: string;
  nextReviewDue: string | null;
};

/** The plans of one person that this user may see (for the person page). */
export async function listPersonPlans(args: Caller & { personId: string }): Promise<PersonPlanSummary[]> {
  const prisma = await getPrisma();
  const actor = callerActor(args);
  const plans = await prisma.supportPlan.findMany({
    where: { personId: args.personId },
    select: { ...FACTS_SELECT, grounds: true, nextReviewDue: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const visible = plans.map((plan) => ({ ...plan, status: plan.status as PlanStatus })).filter((plan) => mayActOnPlan(actor, "read", plan));
  const leads = await prisma.user.findMany({
    where: { id: { in: [...new Set(visible.map((plan) => plan.leadUserId))] } },
    select: { id: true, displayName: true },
  });
  const leadName = new Map(leads.map((lead) => [lead.id, lead.displayName]));
  if (visible.length > 0) {
    await auditBy(args, {
      action: "support_plan.list",
      record: { type: "person", id: args.personId },
      fields: ["grounds"],
      purpose: `results:${visible.length}`,
    });
  }
  return visible.map((plan) => ({
    id: plan.id,
    status: plan.status,
    isProposal: plan.isProposal,
    grounds: [...plan.grounds],
    leadDisplayName: leadName.get(plan.leadUserId) ?? "",
    nextReviewDue: plan.nextReviewDue?.toISOString() ?? null,
  }));
}

// ---------------------------------------------------------------------------------------
// One plan
// ---------------------------------------------------------------------------------------

export type PlanView = {
  id: string;
  personId: string;
  version: number;
  status: PlanStatus;
  isProposal: boolean;
  grounds: string[];
  groundsOther: string | null;
  reviewIntervalMonths: number;
  nextReviewDue: string | null;
  createdAt: string;
  childName: string | null;
  lead: { id: string; displayName: string; agency: Names | null };
  territory: Names | null;
  parentInvolvement: string | null;
  childView: string | null;
  team: { id: string; userId: string; displayName: string; agency: Names | null; roleInPlan: string; addedAt: string }[];
  goals: {
    id: string;
    version: number;
    text: string;
    responsibleAgencyId: string;
    responsibleAgency: Names | null;
    responsibleUserId: string | null;
    responsibleUser: string | null;
    dueDate: string;
    status: string;
    notDoneReason: string | null;
  }[];
  reviews: { id: string; reviewedOn: string; progressNote: string; riskRating: string; decision: string; author: string }[];
  closure: {
    reason: string | null;
    justification: string | null;
    /** With the reason "moved": the district the child moved to. */
    transferTerritory: Names | null;
    requestedAt: string | null;
    requestedBy: string | null;
    decisionComment: string | null;
    closedAt: string | null;
    closedBy: string | null;
  } | null;
  fields: PlanField[];
  actions: PlanAction[];
};

/** One plan as this viewer may see it: 404 (audited) when missing or out of scope. */
export async function readPlan(args: Caller & { planId: string; purpose?: "print" }): Promise<PlanView> {
  const action: PlanAction = args.purpose === "print" ? "print" : "read";
  const facts = await authorizePlan(args, args.planId, action);
  const view = await planView(callerActor(args), facts);
  await auditPlan(args, args.purpose === "print" ? "support_plan.print" : "support_plan.read", facts.id, view.fields);
  return view;
}

const selectIf = (condition: boolean) => (condition ? true : undefined);

async function planView(actor: Actor, facts: PlanFacts): Promise<PlanView> {
  const prisma = await getPrisma();
  const fields = visiblePlanFields(actor, facts);
  const sees = (field: PlanField) => fields.includes(field);
  const plan = await prisma.supportPlan.findUniqueOrThrow({
    where: { id: facts.id },
    select: {
      id: true,
      grounds: true,
      groundsOther: selectIf(sees("groundsOther")),
      reviewIntervalMonths: true,
      nextReviewDue: true,
      createdAt: true,
      parentInvolvement: selectIf(sees("parentInvolvement")),
      childView: selectIf(sees("childView")),
      closureReason: true,
      closureJustification: selectIf(sees("closure")),
      closureTransferTerritoryId: selectIf(sees("closure")),
      closureRequestedAt: true,
      closureRequestedById: true,
      closureDecisionComment: selectIf(sees("closure")),
      closedAt: true,
      closedById: true,
      members: sees("team")
        ? { where: { removedAt: null }, select: { id: true, userId: true, agencyId: true, roleInPlan: true, addedAt: true }, orderBy: { addedAt: "asc" } }
        : undefined,
      goals: sees("goals")
        ? {
            select: {
              id: true,
              version: true,
              text: true,
              responsibleAgencyId: true,
              responsibleUserId: true,
              dueDate: true,
              status: true,
              notDoneReason: true,
            },
            orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          }
        : undefined,
      reviews: sees("reviews")
        ? {
            select: { id: true, reviewedOn: true, progressNote: true, riskRating: true, decision: true, authorUserId: true },
            orderBy: [{ reviewedOn: "desc" }, { createdAt: "desc" }],
          }
        : undefined,
    },
  });
  const members = (plan.members ?? []) as { id: string; userId: string; agencyId: string; roleInPlan: string; addedAt: Date }[];
  const goals = (plan.goals ?? []) as {
    id: string;
    version: number;
    text: string;
    responsibleAgencyId: string;
    responsibleUserId: string | null;
    dueDate: Date;
    status: string;
    notDoneReason: string | null;
  }[];
  const reviews = (plan.reviews ?? []) as { id: string; reviewedOn: Date; progressNote: string; riskRating: string; decision: string; authorUserId: string }[];
  const userIds = new Set<string>([facts.leadUserId, ...members.map((m) => m.userId), ...reviews.map((r) => r.authorUserId)]);
  for (const goal of goals) if (goal.responsibleUserId) userIds.add(goal.responsibleUserId);
  if (plan.closureRequestedById) userIds.add(plan.closureRequestedById);
  if (plan.closedById) userIds.add(plan.closedById);
  const agencyIds = new Set<string>([facts.leadAgencyId, ...members.map((m) => m.agencyId), ...goals.map((g) => g.responsibleAgencyId)]);
  const territoryIds = new Set<string>([facts.territoryId]);
  const closureTargetId = (plan.closureTransferTerritoryId as string | null | undefined) ?? null;
  if (closureTargetId) territoryIds.add(closureTargetId);
  const [users, agencies, territories, names] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } }),
    prisma.agency.findMany({ where: { id: { in: [...agencyIds] } }, select: { id: true, nameRu: true, nameKy: true, nameEn: true } }),
    prisma.territory.findMany({ where: { id: { in: [...territoryIds] } }, select: { id: true, nameRu: true, nameKy: true, nameEn: true } }),
    sees("childName") ? childNames([facts.personId]) : Promise.resolve(new Map<string, string | null>()),
  ]);
  const userName = new Map(users.map((user) => [user.id, user.displayName]));
  const agency = new Map(agencies.map(({ id, ...rest }) => [id, rest]));
  const territory = new Map(territories.map(({ id, ...rest }) => [id, rest]));
  const closureVisible = sees("closure") && (plan.closureReason !== null || plan.closedAt !== null || plan.closureDecisionComment != null);
  return {
    id: plan.id,
    personId: facts.personId,
    version: facts.version,
    status: facts.status,
    isProposal: facts.isProposal,
    grounds: [...plan.grounds],
    groundsOther: (plan.groundsOther as string | null | undefined) ?? null,
    reviewIntervalMonths: plan.reviewIntervalMonths,
    nextReviewDue: plan.nextReviewDue?.toISOString() ?? null,
    createdAt: plan.createdAt.toISOString(),
    childName: names.get(facts.personId) ?? null,
    lead: { id: facts.leadUserId, displayName: userName.get(facts.leadUserId) ?? "", agency: agency.get(facts.leadAgencyId) ?? null },
    territory: territory.get(facts.territoryId) ?? null,
    parentInvolvement: (plan.parentInvolvement as string | null | undefined) ?? null,
    childView: (plan.childView as string | null | undefined) ?? null,
    team: members.map((m) => ({
      id: m.id,
      userId: m.userId,
      displayName: userName.get(m.userId) ?? "",
      agency: agency.get(m.agencyId) ?? null,
      roleInPlan: m.roleInPlan,
      addedAt: m.addedAt.toISOString(),
    })),
    goals: goals.map((g) => ({
      ...g,
      dueDate: g.dueDate.toISOString().slice(0, 10),
      responsibleAgency: agency.get(g.responsibleAgencyId) ?? null,
      responsibleUser: g.responsibleUserId ? (userName.get(g.responsibleUserId) ?? null) : null,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewedOn: r.reviewedOn.toISOString().slice(0, 10),
      progressNote: r.progressNote,
      riskRating: r.riskRating,
      decision: r.decision,
      author: userName.get(r.authorUserId) ?? "",
    })),
    closure: closureVisible
      ? {
          reason: plan.closureReason,
          justification: (plan.closureJustification as string | null | undefined) ?? null,
          transferTerritory: closureTargetId ? (territory.get(closureTargetId) ?? null) : null,
          requestedAt: plan.closureRequestedAt?.toISOString() ?? null,
          requestedBy: plan.closureRequestedById ? (userName.get(plan.closureRequestedById) ?? null) : null,
          decisionComment: (plan.closureDecisionComment as string | null | undefined) ?? null,
          closedAt: plan.closedAt?.toISOString() ?? null,
          closedBy: plan.closedById ? (userName.get(plan.closedById) ?? null) : null,
        }
      : null,
    fields,
    actions: PLAN_ACTIONS.filter((a) => a !== "open" && a !== "propose" && mayActOnPlan(actor, a, facts)),
  };
}

/** For /plans/new: may this user open or propose a plan for this person, and the name to show. */
export async function newPlanContext(args: Caller & { personId: string }): Promise<{ mode: "open" | "propose"; childName: string | null }> {
  const actor = callerActor(args);
  const mode = mayActOnPlan(actor, "open", null) ? "open" : mayActOnPlan(actor, "propose", null) ? "propose" : null;
  const prisma = await getPrisma();
  const person = await authorizeRecord(
    args,
    { type: "person", id: args.personId },
    () => prisma.person.findUnique({ where: { id: args.personId }, select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true } }),
    (actor, person) => mode !== null && person.mergedIntoId === null && mayActOnPerson(actor, "read", person),
    "support_plan.open",
  );
  const names = await childNames([person.id]);
  await auditBy(args, {
    action: "person.read",
    record: { type: "person", id: person.id },
    fields: ["surname", "givenName", "patronymic"],
    purpose: "support_plan.open",
  });
  return { mode: mode!, childName: names.get(person.id) ?? null };
}
