import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Which areas of the application an actor may open. Deny by default: an area not listed
 * here is shown to nobody. Later issues add their areas (support plans, screenings, …) here,
 * and the menu is built from this list, so a role never sees a link it may not follow.
 */
type AreaDefinition = {
  path: string;
  labelKey: string;
  roles: "any-signed-in" | readonly RoleName[];
  /** When set, only actors of these agency types may open the area (an absent agency type is denied). */
  agencyTypes?: readonly string[];
};

export const AREAS = {
  home: { path: "/home", labelKey: "nav.home", roles: "any-signed-in" },
  people: { path: "/people", labelKey: "nav.people", roles: CASEWORK_ROLES },
  plans: { path: "/plans", labelKey: "plan.nav", roles: CASEWORK_ROLES },
  pupils: { path: "/screenings/pupils", labelKey: "pupils.nav", roles: ["social_pedagogue", "school_psychologist"] },
  screeningAlerts: { path: "/screenings/alerts", labelKey: "pathway.alerts.nav", roles: CASEWORK_ROLES },
  orders: { path: "/orders", labelKey: "order.nav", roles: ["police_officer", "juvenile_inspector", "social_worker", "supervisor"] },
  // The board is for police supervisors only (the module refuses others with a 404): the agency type hides the link too.
  ordersBoard: { path: "/orders/board", labelKey: "order.board.nav", roles: ["supervisor"], agencyTypes: ["police_department"] },
  breakGlassReview: { path: "/break-glass/review", labelKey: "nav.breakGlassReview", roles: ["supervisor"] },
  audit: { path: "/audit", labelKey: "nav.audit", roles: ["auditor"] },
  admin: { path: "/admin", labelKey: "nav.admin", roles: ["admin"] },
} as const satisfies Record<string, AreaDefinition>;

export type Area = keyof typeof AREAS;

export function mayOpenArea(actor: Actor | null, area: Area): boolean {
  const definition = AREAS[area] as (typeof AREAS)[Area] | undefined;
  if (!actor || actor.roles.length === 0 || !definition) return false;
  const { roles: allowed, agencyTypes } = definition as AreaDefinition;
  if (agencyTypes && !(actor.agencyType && agencyTypes.includes(actor.agencyType))) return false;
  return allowed === "any-signed-in" || actor.roles.some((role) => allowed.includes(role));
}

export function areasFor(actor: Actor | null): Area[] {
  return (Object.keys(AREAS) as Area[]).filter((area) => mayOpenArea(actor, area));
}
