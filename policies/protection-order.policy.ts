import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Protection order (охранный ордер): who may read and act on an order, which orders an actor may
 * list, and which parts each may see. Pure and synchronous; deny by default; an admin, auditor or
 * analyst role denies everything even alongside a casework role.
 *
 * Relations (the strongest wins):
 * - responsible officer: the police officer who monitors the order (the issuer, unless a police
 *   supervisor handed it to a colleague) — serves it, checks it, records violations, extends it;
 * - issuing officer: keeps reading what they issued after a hand-over;
 * - police supervisor: a supervisor of a police department in the order's district (board,
 *   hand-over, extension, revocation, risk re-assessment);
 * - district social services: a social worker of a social-services office in the order's district
 *   (they are notified of every order): the order and its conditions, never the risk or narrative;
 * - district child services: when a child is involved, the district's juvenile inspectors, same view.
 * A colleague of the officer in the same police department is NOT in scope: a hand-over adds them.
 *
 * The protected person's contact details (address, phone, shelter) are shown only to the
 * responsible officer and the police supervisors, and never on the respondent's side of a record.
 */

export const ORDER_ACTIONS = [
  "read",
  "read_risk",
  "serve",
  "assess_risk",
  "record_check",
  "record_violation",
  "notify_protected",
  "extend",
  "revoke",
  "hand_over",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const ORDER_FIELDS = ["parties", "conditions", "dates", "status", "checks", "violations", "narrative", "risk", "protectedContact"] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const ORDER_STATUSES = ["issued", "served", "active", "extended", "expired", "revoked"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The clear-text facts a decision needs; loading them decrypts nothing. */
export type OrderScopeFacts = {
  id: string;
  status: OrderStatus;
  issuingUserId: string;
  responsibleUserId: string;
  territoryId: string;
  involvesChild: boolean;
};

export type OrderRelation = "responsible_officer" | "issuing_officer" | "police_supervisor" | "district_social_services" | "district_child_services" | "none";

/** Whose record the order is shown on: the respondent's side never shows the protected person's contact details. */
export type OrderViewpoint = "order" | "protected_person" | "respondent";

const NO_CASE_CONTENT: readonly RoleName[] = ["admin", "auditor", "analyst"];
const POLICE_AGENCY = "police_department";
const SOCIAL_AGENCY = "social_services";

const has = (actor: Actor, roles: readonly RoleName[]) => actor.roles.some((role) => roles.includes(role));
const deniedOutright = (actor: Actor) => has(actor, NO_CASE_CONTENT) || !has(actor, CASEWORK_ROLES);
const isPoliceOfficer = (actor: Actor) => has(actor, ["police_officer"]) && actor.agencyType === POLICE_AGENCY;
const isPoliceSupervisor = (actor: Actor) => has(actor, ["supervisor"]) && actor.agencyType === POLICE_AGENCY;
const isSocialWorker = (actor: Actor) => has(actor, ["social_worker"]) && actor.agencyType === SOCIAL_AGENCY;
const isChildServices = (actor: Actor) => has(actor, ["juvenile_inspector"]) && actor.agencyType === POLICE_AGENCY;

/** In force against the respondent (served and not yet ended). */
const IN_FORCE: readonly OrderStatus[] = ["served", "active", "extended"];
const OPEN: readonly OrderStatus[] = ["issued", ...IN_FORCE];

export function orderRelation(actor: Actor, order: OrderScopeFacts): OrderRelation {
  if (deniedOutright(actor)) return "none";
  if (order.responsibleUserId === actor.id && isPoliceOfficer(actor)) return "responsible_officer";
  if (order.issuingUserId === actor.id && isPoliceOfficer(actor)) return "issuing_officer";
  const sameDistrict = order.territoryId === actor.territoryId;
  if (!sameDistrict) return "none";
  if (isPoliceSupervisor(actor)) return "police_supervisor";
  if (isSocialWorker(actor)) return "district_social_services";
  if (order.involvesChild && isChildServices(actor)) return "district_child_services";
  return "none";
}

/** May this actor issue an order at all (a police officer of a police department)? */
export function mayIssueOrders(actor: Actor): boolean {
  return !deniedOutright(actor) && isPoliceOfficer(actor);
}

export function mayActOnOrder(actor: Actor, action: OrderAction, order: OrderScopeFacts): boolean {
  const relation = orderRelation(actor, order);
  if (relation === "none") return false;
  const officer = relation === "responsible_officer";
  const supervisor = relation === "police_supervisor";
  switch (action) {
    case "read":
      return true;
    case "read_risk":
      return officer || supervisor || relation === "issuing_officer";
    case "serve":
      return officer && order.status === "issued";
    case "record_check":
    case "record_violation":
      return officer && IN_FORCE.includes(order.status);
    case "assess_risk":
      return (officer || supervisor) && OPEN.includes(order.status);
    case "notify_protected":
      return officer && OPEN.includes(order.status);
    case "extend":
      return (officer || supervisor) && IN_FORCE.includes(order.status);
    case "revoke":
      return (officer || supervisor) && OPEN.includes(order.status);
    case "hand_over":
      return supervisor && OPEN.includes(order.status);
    default:
      return false;
  }
}

/** The parts of this order this actor may see from this viewpoint; empty when it may not read it. */
export function visibleOrderFields(actor: Actor, order: OrderScopeFacts, viewpoint: OrderViewpoint = "order"): OrderField[] {
  const relation = orderRelation(actor, order);
  if (relation === "none") return [];
  const fields = new Set<OrderField>(["parties", "conditions", "dates", "status", "checks", "violations"]);
  if (mayActOnOrder(actor, "read_risk", order)) {
    fields.add("narrative");
    fields.add("risk");
  }
  const contactViewer = relation === "responsible_officer" || relation === "police_supervisor";
  if (contactViewer && viewpoint !== "respondent") fields.add("protectedContact");
  return ORDER_FIELDS.filter((field) => fields.has(field));
}

/** A Prisma `where` (ProtectionOrder) for the orders this actor may list. */
export function orderListWhere(actor: Actor): { OR: Array<Record<string, unknown>> } | { id: { in: string[] } } {
  if (deniedOutright(actor)) return { id: { in: [] } };
  const scopes: Array<Record<string, unknown>> = [];
  if (isPoliceOfficer(actor)) scopes.push({ responsibleUserId: actor.id }, { issuingUserId: actor.id });
  if (isPoliceSupervisor(actor) || isSocialWorker(actor)) scopes.push({ territoryId: actor.territoryId });
  if (isChildServices(actor)) scopes.push({ territoryId: actor.territoryId, involvesChild: true });
  return scopes.length > 0 ? { OR: scopes } : { id: { in: [] } };
}
