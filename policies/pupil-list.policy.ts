import type { Actor, RoleName } from "./roles";

/**
 * The school's pupil list (decision 018): the person records a school agency owns, listed so
 * its social pedagogues and psychologists can start a screening from it. Pure and synchronous;
 * deny by default; admin, auditor and analyst are denied even alongside a listing role (deny
 * beats allow, as in every case-content policy).
 *
 * - list: a social pedagogue or school psychologist whose own agency is a school. Everyone
 *   else — other school staff (teachers), every other agency type, admin, auditor, analyst —
 *   is denied. Only the actor's own school is ever listed (the module filters by agency).
 */

export const PUPIL_LIST_ROLES: readonly RoleName[] = ["social_pedagogue", "school_psychologist"];
const NO_CASE_CONTENT: readonly RoleName[] = ["admin", "auditor", "analyst"];

/** The one fact the actor does not carry: the type of the actor's own agency (an AgencyType). */
export type PupilListFacts = { agencyType: string };

export function mayListPupils(actor: Actor | null, facts: PupilListFacts): boolean {
  if (!actor) return false;
  if (actor.roles.some((role) => NO_CASE_CONTENT.includes(role))) return false;
  if (facts.agencyType !== "school") return false;
  return actor.roles.some((role) => PUPIL_LIST_ROLES.includes(role));
}
