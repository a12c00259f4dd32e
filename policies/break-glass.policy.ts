import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Break-glass: an emergency, read-only, expiring grant to one record outside one's scope,
 * with a written reason, reviewed afterwards by a supervisor of the requester's district.
 */
const NO_CASE_CONTENT: readonly RoleName[] = ["admin", "auditor", "analyst"];

export type GrantFacts = { userId: string; requesterTerritoryId: string };

export function mayRequestBreakGlass(actor: Actor): boolean {
  if (actor.roles.some((role) => NO_CASE_CONTENT.includes(role))) return false;
  return actor.roles.some((role) => CASEWORK_ROLES.includes(role));
}

/** A supervisor of the requester's district reviews; nobody reviews their own emergency access. */
export function mayReviewBreakGlass(actor: Actor, grant: GrantFacts): boolean {
  if (actor.roles.some((role) => NO_CASE_CONTENT.includes(role))) return false;
  return actor.roles.includes("supervisor") && grant.requesterTerritoryId === actor.territoryId && grant.userId !== actor.id;
}

/** Which grants a reviewer's queue lists: those of requesters in the reviewer's district. */
export function reviewQueueScope(actor: Actor): { territoryId: string; excludeUserId: string } | null {
  if (!actor.roles.includes("supervisor") || actor.roles.some((role) => NO_CASE_CONTENT.includes(role))) return null;
  return { territoryId: actor.territoryId, excludeUserId: actor.id };
}
