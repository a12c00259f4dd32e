import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Support plan (план сопровождения): who may read and change a plan, which plans an actor may
 * list, and which fields each may see. Pure and synchronous; deny by default; an admin,
 * auditor or analyst role denies case content even alongside a casework role.
 *
 * Scope is the team, not the agency (need to know):
 * - lead: the lead worker (for a pedagogue's proposal: the proposer, until a lead accepts it);
 * - member: an active team member (removedAt null) — access ends on the next request after
 *   removal, because every request re-reads the members;
 * - territory supervisor: a supervisor whose agency is in the plan's district;
 * - proposal candidate: a juvenile inspector or social worker of the plan's district may see
 *   an open proposal (identity and grounds only) so that one of them can accept the lead;
 * - a colleague of the lead in the same agency is NOT in scope: they are added as members when
 *   they work on the plan. Agency scope would show a police department's plans to every officer.
 *
 * Field visibility: narrative fields (child's view, parent involvement, goals, progress notes,
 * closure texts) for lead, members and territory supervisor. A member who holds only the
 * police_officer role (a district officer on the team for safety measures) does not see the
 * child's own view or the family's involvement: those are shared with helping services.
 */

export const PLAN_ACTIONS = [
  "read",
  "update",
  "propose",
  "open",
  "accept",
  "activate",
  "add_member",
  "remove_member",
  "record_review",
  "request_closure",
  "decide_closure",
  "reopen",
  "transfer",
  "print",
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export const PLAN_FIELDS = ["childName", "grounds", "groundsOther", "team", "goals", "reviews", "parentInvolvement", "childView", "closure"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export type PlanStatus = "draft" | "active" | "closure_requested" | "closed";

/** The clear-text facts a decision needs; loading them decrypts nothing. */
export type PlanScopeFacts = {
  id: string;
  status: PlanStatus;
  isProposal: boolean;
  leadUserId: string;
  leadAgencyId: string;
  territoryId: string;
  closureRequestedById?: string | null;
  members: readonly { userId: string; removedAt: Date | string | null }[];
};

export type PlanRelation = "lead" | "member" | "territory_supervisor" | "proposal_candidate" | "none";

const NO_CASE_CONTENT: readonly RoleName[] = ["admin", "auditor", "analyst"];
/** Roles that may lead a plan (and open one directly). */
export const LEAD_ROLES: readonly RoleName[] = ["juvenile_inspector", "social_worker"];
const PROPOSER_ROLES: readonly RoleName[] = ["social_pedagogue"];
const NARRATIVE: readonly PlanField[] = ["groundsOther", "team", "goals", "reviews", "parentInvolvement", "childView", "closure"];
const FAMILY_FIELDS: readonly PlanField[] = ["parentInvolvement", "childView"];

const has = (actor: Actor, roles: readonly RoleName[]) => actor.roles.some((role) => roles.includes(role));
const deniedOutright = (actor: Actor) => has(actor, NO_CASE_CONTENT) || !has(actor, CASEWORK_ROLES);

export function isActiveMember(actor: Actor, plan: PlanScopeFacts): boolean {
  return plan.members.some((member) => member.userId === actor.id && member.removedAt === null);
}

/** The strongest relation wins: lead, then member, then supervisor, then proposal candidate. */
export function planRelation(actor: Actor, plan: PlanScopeFacts): PlanRelation {
  if (deniedOutright(actor)) return "none";
  if (plan.leadUserId === actor.id) return "lead";
  if (isActiveMember(actor, plan)) return "member";
  if (has(actor, ["supervisor"]) && plan.territoryId === actor.territoryId) return "territory_supervisor";
  if (plan.isProposal && plan.status === "draft" && has(actor, LEAD_ROLES) && plan.territoryId === actor.territoryId) {
    return "proposal_candidate";
  }
  return "none";
}

/**
 * May this actor do this action? `plan` is null for the creation actions (propose, open), which
 * the module combines with the person policy (the opener must be able to read the person).
 */
export function mayActOnPlan(actor: Actor, action: PlanAction, plan: PlanScopeFacts | null): boolean {
  if (deniedOutright(actor)) return false;
  if (action === "open") return has(actor, LEAD_ROLES);
  if (action === "propose") return has(actor, PROPOSER_ROLES) && !has(actor, LEAD_ROLES);
  if (!plan) return false;
  const relation = planRelation(actor, plan);
  const open = plan.status !== "closed";
  switch (action) {
    case "read":
    case "print":
      return relation !== "none";
    case "update":
    case "record_review":
      // The team works on the plan; a proposal is edited by its proposer until accepted.
      return open && plan.status !== "closure_requested" && (relation === "lead" || (relation === "member" && !plan.isProposal));
    case "accept":
      return relation === "proposal_candidate";
    case "activate":
      return relation === "lead" && !plan.isProposal && plan.status === "draft";
    case "add_member":
    case "remove_member":
      return relation === "lead" && open && !plan.isProposal;
    case "request_closure":
      return relation === "lead" && plan.status === "active";
    case "decide_closure":
      // Four eyes: never the lead, never whoever asked for the closure.
      return (
        relation === "territory_supervisor" &&
        plan.status === "closure_requested" &&
        actor.id !== plan.leadUserId &&
        actor.id !== (plan.closureRequestedById ?? null)
      );
    case "reopen":
      return relation === "territory_supervisor" && plan.status === "closed";
    case "transfer":
      return (relation === "lead" || relation === "territory_supervisor") && !plan.isProposal && (plan.status === "draft" || plan.status === "active");
    default:
      return false;
  }
}

/** The fields this actor may see on this plan; empty when it may not read it at all. */
export function visiblePlanFields(actor: Actor, plan: PlanScopeFacts): PlanField[] {
  const relation = planRelation(actor, plan);
  if (relation === "none") return [];
  const fields = new Set<PlanField>(["childName", "grounds"]);
  if (relation === "proposal_candidate") {
    fields.add("groundsOther");
    return PLAN_FIELDS.filter((field) => fields.has(field));
  }
  for (const field of NARRATIVE) fields.add(field);
  const policeOnly = actor.roles.every((role) => role === "police_officer");
  if (relation === "member" && policeOnly) for (const field of FAMILY_FIELDS) fields.delete(field);
  return PLAN_FIELDS.filter((field) => fields.has(field));
}

/** A Prisma `where` (SupportPlan) for the plans this actor may list: its caseload. */
export function planListWhere(actor: Actor): { OR: Array<Record<string, unknown>> } | { id: { in: string[] } } {
  if (deniedOutright(actor)) return { id: { in: [] } };
  const scopes: Array<Record<string, unknown>> = [{ leadUserId: actor.id }, { members: { some: { userId: actor.id, removedAt: null } } }];
  if (has(actor, ["supervisor"])) scopes.push({ territoryId: actor.territoryId });
  if (has(actor, LEAD_ROLES)) scopes.push({ isProposal: true, status: "draft", territoryId: actor.territoryId });
  return { OR: scopes };
}

/** May this user lead a plan (target of an acceptance or a transfer)? */
export function mayLeadPlans(roles: readonly RoleName[]): boolean {
  return !roles.some((role) => NO_CASE_CONTENT.includes(role)) && roles.some((role) => LEAD_ROLES.includes(role));
}

/** May this user be a team member (any casework role, never admin/auditor/analyst)? */
export function mayJoinPlans(roles: readonly RoleName[]): boolean {
  return !roles.some((role) => NO_CASE_CONTENT.includes(role)) && roles.some((role) => CASEWORK_ROLES.includes(role));
}
