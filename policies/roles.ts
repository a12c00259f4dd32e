/** The roles of domain.md, defined once for policies, UI and seeds. */
export const ROLES = [
  "social_pedagogue",
  "school_psychologist",
  "juvenile_inspector",
  "police_officer",
  "social_worker",
  "service_provider",
  "supervisor",
  "analyst",
  "admin",
  "auditor",
] as const;

export type RoleName = (typeof ROLES)[number];

/** Roles whose holders work with case content (admin, auditor and analyst never do). */
export const CASEWORK_ROLES: readonly RoleName[] = [
  "social_pedagogue",
  "school_psychologist",
  "juvenile_inspector",
  "police_officer",
  "social_worker",
  "service_provider",
  "supervisor",
];

/**
 * Who is acting: the facts every policy decides on. territoryId is the actor's agency's district.
 * agencyType is the actor's agency's type (AgencyType); policies that need it deny when it is absent.
 */
export type Actor = { id: string; roles: readonly RoleName[]; agencyId: string; territoryId: string; agencyType?: string };
