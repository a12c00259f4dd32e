import { paramBuilder, planListPredicate } from "~/modules/support-plans/caseload-query.server";
import { getDatabase, getPrisma } from "~/server/db.server";
import { mayActOnPerson } from "~policies/person.policy";
import { LEAD_ROLES, planListWhere, visiblePlanFields, type PlanStatus } from "~policies/support-plan.policy";
import type { Actor } from "~policies/roles";

/**
 * The task inbox: what is waiting for this user, from clear columns only (status, dates,
 * lead, responsible agency/person, territory). The only decrypted value is the child's name,
 * and only where the viewer may see it. Decision 013 says who gets which task.
 */

export const TASK_HORIZON_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 50;

export type TaskKind = "review" | "measure" | "closure" | "proposal";
export type Task = { kind: TaskKind; planId: string; due: string | null; overdue: boolean; childName: string | null; goalId?: string };
export type TaskCounts = Record<TaskKind, number> & { total: number };

const hasRole = (actor: Actor, roles: readonly string[]) => actor.roles.some((role) => roles.includes(role));

/** Prisma `where`s per task kind (SupportPlan, or SupportPlanGoal for measures); null: not this actor's kind of task. */
function taskWheres(actor: Actor, now: Date) {
  const horizon = new Date(now.getTime() + TASK_HORIZON_DAYS * DAY);
  const noCaseContent = hasRole(actor, ["admin", "auditor", "analyst"]);
  if (noCaseContent) return { review: null, measure: null, closure: null, proposal: null };
  return {
    // Reviews of plans the user leads that are due within the horizon or overdue.
    review: { leadUserId: actor.id, status: "active" as const, isProposal: false, nextReviewDue: { lte: horizon } },
    // Open measures assigned to the user, or to their agency without a named person, on plans they may see.
    measure: {
      status: { in: ["planned" as const, "in_progress" as const] },
      dueDate: { lte: horizon },
      OR: [{ responsibleUserId: actor.id }, { responsibleUserId: null, responsibleAgencyId: actor.agencyId }],
      plan: { AND: [{ status: "active" as const }, planListWhere(actor)] },
    },
    // Closure approvals: four eyes — never the lead's or the requester's own request.
    closure: hasRole(actor, ["supervisor"])
      ? { territoryId: actor.territoryId, status: "closure_requested" as const, leadUserId: { not: actor.id }, NOT: { closureRequestedById: actor.id } }
      : null,
    // Proposals a lead worker of the district could accept.
    proposal: hasRole(actor, LEAD_ROLES) ? { isProposal: true, status: "draft" as const, territoryId: actor.territoryId } : null,
  };
}

/**
 * Counts for the menu badge, on every page: the four counts of `taskWheres` in one SQL round
 * trip (clear columns, indexed). The SQL mirrors taskWheres term by term;
 * tests/integration/caseload-query.test.ts compares it with the Prisma counts for every demo
 * user. If the plan policy's list scope has a shape the translation does not know, the four
 * Prisma counts run instead.
 */
export async function taskCounts(actor: Actor, now = new Date()): Promise<TaskCounts> {
  const where = taskWheres(actor, now);
  if (!where.review && !where.measure && !where.closure && !where.proposal) return { review: 0, measure: 0, closure: 0, proposal: 0, total: 0 };
  const params: unknown[] = [];
  const columns = taskCountColumns(actor, now, sqlParams(params));
  if (columns === null) return taskCountsByQueries(actor, now);
  const sql = `SELECT ${columns.review} AS review, ${columns.measure} AS measure, ${columns.closure} AS closure, ${columns.proposal} AS proposal`;
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRawUnsafe<Array<{ review: number; measure: number; closure: number; proposal: number }>>(sql, ...params);
  const { review, measure, closure, proposal } = row;
  return { review, measure, closure, proposal, total: review + measure + closure + proposal };
}

/** Named parameters over paramBuilder: each numbered where it is first used (PostgreSQL refuses one no statement types). */
export type SqlParams = { param: (value: unknown) => string; named: (key: string, value: unknown) => string };

export function sqlParams(params: unknown[]): SqlParams {
  const param = paramBuilder(params);
  const names = new Map<string, string>();
  return { param, named: (key, value) => names.get(key) ?? names.set(key, param(value)).get(key)! };
}

/** The four counts as SQL expressions (int); null: the plan policy's scope is not translatable. */
export function taskCountColumns(actor: Actor, now: Date, { param, named: p }: SqlParams): Record<TaskKind, string> | null {
  const where = taskWheres(actor, now);
  const me = () => `${p("me", actor.id)}::text`;
  const territory = () => `${p("territory", actor.territoryId)}::text`;
  // timestamp(3) without time zone, as Prisma stores DateTime: the zone in the literal is ignored (UTC wall time).
  const horizon = () => `${p("horizon", new Date(now.getTime() + TASK_HORIZON_DAYS * DAY).toISOString())}::timestamp(3)`;
  const count = (sql: string) => `(SELECT count(*) FROM ${sql})::int`;
  const review = where.review
    ? count(`support_plan WHERE lead_user_id = ${me()} AND status = 'active' AND is_proposal = false AND next_review_due <= ${horizon()}`)
    : "0";
  let measure = "0";
  if (where.measure) {
    const goalWhere = `g.status IN ('planned', 'in_progress') AND g.due_date <= ${horizon()}
      AND (g.responsible_user_id = ${me()} OR (g.responsible_user_id IS NULL AND g.responsible_agency_id = ${p("agency", actor.agencyId)}::text))`;
    const scope = planListPredicate(actor, "p", param);
    if (scope === null) return null;
    measure = count(`support_plan_goal g JOIN support_plan p ON p.id = g.plan_id WHERE ${goalWhere} AND p.status = 'active' AND ${scope}`);
  }
  // As Prisma's `NOT: { closureRequestedById }`: a NULL requester is excluded too (SQL three-valued logic).
  const closure = where.closure
    ? count(
        `support_plan WHERE territory_id = ${territory()} AND status = 'closure_requested' AND lead_user_id <> ${me()} AND NOT (closure_requested_by_id = ${me()})`,
      )
    : "0";
  const proposal = where.proposal ? count(`support_plan WHERE is_proposal = true AND status = 'draft' AND territory_id = ${territory()}`) : "0";
  return { review, measure, closure, proposal };
}

/** The same counts as four Prisma count queries (the definition; the fallback of taskCounts). */
export async function taskCountsByQueries(actor: Actor, now = new Date()): Promise<TaskCounts> {
  const prisma = await getPrisma();
  const where = taskWheres(actor, now);
  const [review, measure, closure, proposal] = await Promise.all([
    where.review ? prisma.supportPlan.count({ where: where.review }) : 0,
    where.measure ? prisma.supportPlanGoal.count({ where: where.measure }) : 0,
    where.closure ? prisma.supportPlan.count({ where: where.closure }) : 0,
    where.proposal ? prisma.supportPlan.count({ where: where.proposal }) : 0,
  ]);
  return { review, measure, closure, proposal, total: review + measure + closure + proposal };
}

const PLAN_FACTS = {
  id: true,
  personId: true,
  status: true,
  isProposal: true,
  leadUserId: true,
  leadAgencyId: true,
  territoryId: true,
  closureRequestedById: true,
  closureRequestedAt: true,
  nextReviewDue: true,
  createdAt: true,
  members: { where: { removedAt: null }, select: { userId: true, removedAt: true } },
} as const;

type InboxRow = {
  kind: TaskKind;
  plan_id: string;
  goal_id: string | null;
  due_ms: number | null;
  person_id: string;
  status: string;
  is_proposal: boolean;
  lead_user_id: string;
  lead_agency_id: string;
  territory_id: string;
  closure_requested_by_id: string | null;
  owner_agency_id: string | null;
  person_territory_id: string | null;
  member_ids: string[];
};

/**
 * The inbox: up to 50 tasks of each kind, most urgent first, with the child's name where allowed.
 * The four lists, their plans' facts, active members and the children's scope facts come in one
 * statement (the Prisma definition below took eight); the names are read and decrypted through
 * the encrypting client. tests/integration/task-queries.test.ts compares both for every demo user.
 */
export async function taskInbox(actor: Actor, now = new Date()): Promise<{ counts: TaskCounts; tasks: Task[] }> {
  const where = taskWheres(actor, now);
  if (!where.review && !where.measure && !where.closure && !where.proposal) return taskInboxByQueries(actor, now);
  const params: unknown[] = [];
  const { param, named: p } = sqlParams(params);
  const me = () => `${p("me", actor.id)}::text`;
  const territory = () => `${p("territory", actor.territoryId)}::text`;
  const horizon = () => `${p("horizon", new Date(now.getTime() + TASK_HORIZON_DAYS * DAY).toISOString())}::timestamp(3)`;
  const lists: string[] = [];
  // Each list in its Prisma order ("asc": NULLS LAST), numbered for the final order.
  const list = (kind: TaskKind, select: string, from: string, order: string) =>
    lists.push(
      `(SELECT '${kind}'::text AS kind, ${lists.length} AS rank, row_number() OVER (ORDER BY ${order}) AS pos, ${select} FROM ${from} ORDER BY ${order} LIMIT ${LIST_LIMIT})`,
    );
  if (where.review) {
    list(
      "review",
      "id AS plan_id, NULL::text AS goal_id, next_review_due AS due",
      `support_plan WHERE lead_user_id = ${me()} AND status = 'active' AND is_proposal = false AND next_review_due <= ${horizon()}`,
      "next_review_due ASC, id ASC",
    );
  }
  if (where.measure) {
    const scope = planListPredicate(actor, "p", param);
    if (scope === null) return taskInboxByQueries(actor, now);
    list(
      "measure",
      "g.plan_id, g.id AS goal_id, g.due_date::timestamp(3) AS due",
      `support_plan_goal g JOIN support_plan p ON p.id = g.plan_id WHERE g.status IN ('planned', 'in_progress') AND g.due_date <= ${horizon()}
        AND (g.responsible_user_id = ${me()} OR (g.responsible_user_id IS NULL AND g.responsible_agency_id = ${p("agency", actor.agencyId)}::text))
        AND p.status = 'active' AND ${scope}`,
      "g.due_date ASC, g.id ASC",
    );
  }
  if (where.closure) {
    list(
      "closure",
      "id AS plan_id, NULL::text AS goal_id, closure_requested_at AS due",
      `support_plan WHERE territory_id = ${territory()} AND status = 'closure_requested' AND lead_user_id <> ${me()} AND NOT (closure_requested_by_id = ${me()})`,
      "closure_requested_at ASC, id ASC",
    );
  }
  if (where.proposal) {
    list(
      "proposal",
      "id AS plan_id, NULL::text AS goal_id, NULL::timestamp(3) AS due",
      `support_plan WHERE is_proposal = true AND status = 'draft' AND territory_id = ${territory()}`,
      "created_at ASC, id ASC",
    );
  }
  const sql = `SELECT t.kind, t.plan_id, t.goal_id, (extract(epoch FROM t.due) * 1000)::float8 AS due_ms,
      p.person_id, p.status::text AS status, p.is_proposal, p.lead_user_id, p.lead_agency_id, p.territory_id, p.closure_requested_by_id,
      per.owner_agency_id, per.territory_id AS person_territory_id,
      COALESCE((SELECT array_agg(m.user_id ORDER BY m.id) FROM support_plan_member m WHERE m.plan_id = p.id AND m.removed_at IS NULL), '{}'::text[]) AS member_ids
    FROM (${lists.join(" UNION ALL ")}) t
    JOIN support_plan p ON p.id = t.plan_id
    LEFT JOIN person per ON per.id = p.person_id
    ORDER BY t.rank, t.pos`;
  const database = await getDatabase();
  const [counts, rows] = await Promise.all([taskCounts(actor, now), database.withConnection((c) => c.query<InboxRow>(sql, params))]);
  const plans = rows.map((row) => ({
    id: row.plan_id,
    personId: row.person_id,
    status: row.status,
    isProposal: row.is_proposal,
    leadUserId: row.lead_user_id,
    leadAgencyId: row.lead_agency_id,
    territoryId: row.territory_id,
    closureRequestedById: row.closure_requested_by_id,
    members: row.member_ids.map((userId) => ({ userId, removedAt: null })),
  }));
  const facts = rows.flatMap((row) =>
    row.owner_agency_id === null ? [] : [{ id: row.person_id, ownerAgencyId: row.owner_agency_id, territoryId: row.person_territory_id }],
  );
  const names = await namesOf(actor, plans, facts);
  const tasks = rows.map((row) => {
    const due = row.due_ms === null ? null : new Date(row.due_ms);
    return {
      kind: row.kind,
      planId: row.plan_id,
      goalId: row.goal_id ?? undefined,
      due: due ? due.toISOString() : null,
      overdue: row.kind !== "closure" && due !== null && due.getTime() < now.getTime(),
      childName: names.get(row.plan_id) ?? null,
    };
  });
  return { counts, tasks };
}

/** The inbox by Prisma queries: the definition taskInbox is compared with, and its fallback. */
export async function taskInboxByQueries(actor: Actor, now = new Date()): Promise<{ counts: TaskCounts; tasks: Task[] }> {
  const prisma = await getPrisma();
  const where = taskWheres(actor, now);
  const counts = await taskCounts(actor, now);
  const [reviews, goals, closures, proposals] = await Promise.all([
    where.review
      ? prisma.supportPlan.findMany({ where: where.review, select: PLAN_FACTS, orderBy: [{ nextReviewDue: "asc" }, { id: "asc" }], take: LIST_LIMIT })
      : [],
    where.measure
      ? prisma.supportPlanGoal.findMany({
          where: where.measure,
          select: { id: true, dueDate: true, plan: { select: PLAN_FACTS } },
          orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          take: LIST_LIMIT,
        })
      : [],
    where.closure
      ? prisma.supportPlan.findMany({ where: where.closure, select: PLAN_FACTS, orderBy: [{ closureRequestedAt: "asc" }, { id: "asc" }], take: LIST_LIMIT })
      : [],
    where.proposal
      ? prisma.supportPlan.findMany({ where: where.proposal, select: PLAN_FACTS, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: LIST_LIMIT })
      : [],
  ]);
  type Plan = (typeof reviews)[number];
  const entries: Array<{ kind: TaskKind; plan: Plan; due: Date | null; goalId?: string }> = [
    ...reviews.map((plan) => ({ kind: "review" as const, plan, due: plan.nextReviewDue })),
    ...goals.map((goal) => ({ kind: "measure" as const, plan: goal.plan, due: goal.dueDate, goalId: goal.id })),
    ...closures.map((plan) => ({ kind: "closure" as const, plan, due: plan.closureRequestedAt })),
    ...proposals.map((plan) => ({ kind: "proposal" as const, plan, due: null })),
  ];
  const names = await childNames(
    actor,
    entries.map((entry) => entry.plan),
  );
  const tasks = entries.map((entry) => ({
    kind: entry.kind,
    planId: entry.plan.id,
    goalId: entry.goalId,
    due: entry.due ? entry.due.toISOString() : null,
    overdue: entry.kind !== "closure" && entry.due !== null && entry.due.getTime() < now.getTime(),
    childName: names.get(entry.plan.id) ?? null,
  }));
  return { counts, tasks };
}

type NamedPlan = {
  id: string;
  personId: string;
  status: string;
  isProposal: boolean;
  leadUserId: string;
  leadAgencyId: string;
  territoryId: string;
  members: Array<{ userId: string; removedAt: Date | null }>;
};

/** Child names per plan id: decrypted only for plans whose child the viewer may see. */
async function childNames(actor: Actor, plans: NamedPlan[]): Promise<Map<string, string>> {
  const prisma = await getPrisma();
  const personIds = [...new Set(plans.map((plan) => plan.personId))];
  if (personIds.length === 0) return new Map();
  const facts = await prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, ownerAgencyId: true, territoryId: true } });
  return namesOf(actor, plans, facts);
}

async function namesOf(
  actor: Actor,
  plans: NamedPlan[],
  facts: Array<{ id: string; ownerAgencyId: string; territoryId: string | null }>,
): Promise<Map<string, string>> {
  const prisma = await getPrisma();
  const factsById = new Map(facts.map((person) => [person.id, person]));
  const allowed = new Set<string>();
  for (const plan of plans) {
    const person = factsById.get(plan.personId);
    if (!person) continue;
    // The person policy, or the plan policy's "childName" field for the plan's team.
    if (mayActOnPerson(actor, "read", person) || visiblePlanFields(actor, { ...plan, status: plan.status as PlanStatus }).includes("childName")) {
      allowed.add(plan.personId);
    }
  }
  if (allowed.size === 0) return new Map();
  const people = await prisma.person.findMany({ where: { id: { in: [...allowed] } }, select: { id: true, surname: true, givenName: true } });
  const nameById = new Map(people.map((person) => [person.id, `${person.surname} ${person.givenName}`]));
  return new Map(plans.filter((plan) => nameById.has(plan.personId)).map((plan) => [plan.id, nameById.get(plan.personId)!]));
}
