import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Person: who may search, create, read and update a person record, which records an actor may
 * list, and which identifying fields each may see. Pure and synchronous; deny by default; a
 * deny beats an allow (an admin, auditor or analyst role forbids case content even if the same
 * account also holds a casework role).
 *
 * Scope today (support plans and referrals will add team- and consent-based scopes):
 * - own agency: the agency that created the record;
 * - territory: a supervisor sees records of people in their agency's district;
 * - break-glass: a reviewed, expiring, read-only grant for one record.
 */

export const PERSON_ACTIONS = ["search", "create", "read", "update"] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

export const PERSON_FIELDS = ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "address", "phone", "notes"] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** The clear-text facts a decision needs; loading them decrypts nothing. */
export type PersonScopeFacts = { id: string; ownerAgencyId: string; territoryId: string | null };

export type PersonAccess = { breakGlass?: boolean };

export type PersonRelation = "own_agency" | "territory_supervisor" | "break_glass" | "none";

const NO_CASE_CONTENT: readonly RoleName[] = ["admin", "auditor", "analyst"];
const CREATORS: readonly RoleName[] = CASEWORK_ROLES.filter((role) => role !== "supervisor");
const PIN_READERS: readonly RoleName[] = ["police_officer", "juvenile_inspector", "social_worker", "supervisor"];
const IDENTITY: readonly PersonField[] = ["surname", "givenName", "patronymic", "birthDate", "sex"];

const has = (actor: Actor, roles: readonly RoleName[]) => actor.roles.some((role) => roles.includes(role));
const deniedOutright = (actor: Actor) => has(actor, NO_CASE_CONTENT) || !has(actor, CASEWORK_ROLES);

export function personRelation(actor: Actor, person: PersonScopeFacts, access: PersonAccess = {}): PersonRelation {
  if (deniedOutright(actor)) return "none";
  if (person.ownerAgencyId === actor.agencyId) return "own_agency";
  if (has(actor, ["supervisor"]) && person.territoryId !== null && person.territoryId === actor.territoryId) {
    return "territory_supervisor";
  }
  if (access.breakGlass) return "break_glass";
  return "none";
}

export function mayActOnPerson(actor: Actor, action: PersonAction, person: PersonScopeFacts | null, access: PersonAccess = {}): boolean {
  if (deniedOutright(actor)) return false;
  if (action === "search") return true;
  if (action === "create") return has(actor, CREATORS);
  if (!person) return false;
  const relation = personRelation(actor, person, access);
  if (action === "read") return relation !== "none";
  // update: only the owning agency's caseworkers; break-glass is read-only.
  return relation === "own_agency" && has(actor, CREATORS);
}

/** The fields this actor may see on this record; empty when it may not read it at all. */
export function visiblePersonFields(actor: Actor, person: PersonScopeFacts, access: PersonAccess = {}): PersonField[] {
  if (!mayActOnPerson(actor, "read", person, access)) return [];
  const relation = personRelation(actor, person, access);
  const fields = new Set<PersonField>(IDENTITY);
  if (has(actor, PIN_READERS)) fields.add("pin");
  fields.add("phone");
  // Where a person lives is withheld from emergency reads: it is what an abuser looks for.
  if (relation !== "break_glass") fields.add("address");
  if (relation === "own_agency") fields.add("notes");
  return PERSON_FIELDS.filter((field) => fields.has(field));
}

/** A Prisma `where` for the people this actor may list (break-glass grants are never listed). */
export function personListWhere(actor: Actor): { OR: Array<Record<string, unknown>> } | { id: { in: string[] } } {
  if (deniedOutright(actor)) return { id: { in: [] } };
  const scopes: Array<Record<string, unknown>> = [{ ownerAgencyId: actor.agencyId }];
  if (has(actor, ["supervisor"])) scopes.push({ territoryId: actor.territoryId });
  return { OR: scopes };
}
