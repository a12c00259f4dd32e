import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Which areas of the application an actor may open. Deny by default: an area not listed
 * here is shown to nobody. Later issues add their areas (support plans, screenings, …) here,
 * and the menu is built from this list, so a role never sees a link it may not follow.
 */
export const AREAS = {
  home: { path: "/home", labelKey: "nav.home", roles: "any-signed-in" },
  people: { path: "/people", labelKey: "nav.people", roles: CASEWORK_ROLES },
  plans: { path: "/plans", labelKey: "plan.nav", roles: CASEWORK_ROLES },
  pupils: { path: "/screenings/pupils", labelKey: "pupils.nav", roles: ["social_pedagogue", "school_psychologist"] },
  screeningAlerts: { path: "/screenings/alerts", labelKey: "pathway.alerts.nav", roles: CASEWORK_ROLES },
  breakGlassReview: { path: "/break-glass/review", labelKey: "nav.breakGlassReview", roles: ["supervisor"] },
  audit: { path: "/audit", labelKey: "nav.audit", roles: ["auditor"] },
  admin: { path: "/admin", labelKey: "nav.admin", roles: ["admin"] },
} as const satisfies Record<string, { path: string; labelKey: string; roles: "any-signed-in" | readonly RoleName[] }>;

export type Area = keyof typeof AREAS;

export function mayOpenArea(actor: Actor | null, area: Area): boolean {
  const definition = AREAS[area] as (typeof AREAS)[Area] | undefined;
  if (!actor || actor.roles.length === 0 || !definition) return false;
  const allowed = definition.roles as "any-signed-in" | readonly RoleName[];
  return allowed === "any-signed-in" || actor.roles.some((role) => allowed.includes(role));
}

export function areasFor(actor: Actor | null): Area[] {
  return (Object.keys(AREAS) as Area[]).filter((area) => mayOpenArea(actor, area));
}
