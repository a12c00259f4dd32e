import { describe, expect, test } from "vitest";
import {
  mayActOnPerson,
  PERSON_ACTIONS,
  PERSON_FIELDS,
  personListWhere,
  visiblePersonFields,
  type PersonAction,
  type PersonField,
  type PersonScopeFacts,
} from "./person.policy";
import type { Actor, RoleName } from "./roles";

/**
 * Persona × action matrix for Person. Every allowed pair is listed; everything else must be
 * denied. The record belongs to agency A in district D1.
 */
const record: PersonScopeFacts = { id: "person-1", ownerAgencyId: "agency-A", territoryId: "D1" };

type Persona = { actor: Actor; breakGlass?: boolean };
const persona = (roles: RoleName[], agencyId: string, territoryId: string, breakGlass = false): Persona => ({
  actor: { id: `user-${roles.join("-")}-${agencyId}`, roles, agencyId, territoryId },
  breakGlass,
});

const PERSONAS = {
  ownAgencyPedagogue: persona(["social_pedagogue"], "agency-A", "D1"),
  ownAgencyInspector: persona(["juvenile_inspector"], "agency-A", "D1"),
  ownAgencySocialWorker: persona(["social_worker"], "agency-A", "D1"),
  ownAgencyProvider: persona(["service_provider"], "agency-A", "D1"),
  otherAgencySocialWorker: persona(["social_worker"], "agency-B", "D1"),
  otherAgencyOfficer: persona(["police_officer"], "agency-C", "D2"),
  territorySupervisor: persona(["supervisor"], "agency-B", "D1"),
  otherTerritorySupervisor: persona(["supervisor"], "agency-C", "D2"),
  breakGlassOfficer: persona(["police_officer"], "agency-C", "D2", true),
  breakGlassPedagogue: persona(["social_pedagogue"], "agency-C", "D2", true),
  analyst: persona(["analyst"], "agency-A", "D1"),
  admin: persona(["admin"], "agency-A", "D1"),
  auditor: persona(["auditor"], "agency-A", "D1"),
  adminWhoIsAlsoSocialWorker: persona(["admin", "social_worker"], "agency-A", "D1"),
  noRoles: persona([], "agency-A", "D1"),
} satisfies Record<string, Persona>;

type PersonaName = keyof typeof PERSONAS;

const ALLOWED: Record<PersonaName, readonly PersonAction[]> = {
  ownAgencyPedagogue: ["search", "create", "read", "update"],
  ownAgencyInspector: ["search", "create", "read", "update"],
  ownAgencySocialWorker: ["search", "create", "read", "update"],
  ownAgencyProvider: ["search", "create", "read", "update"],
  otherAgencySocialWorker: ["search", "create"],
  otherAgencyOfficer: ["search", "create"],
  territorySupervisor: ["search", "read"],
  otherTerritorySupervisor: ["search"],
  breakGlassOfficer: ["search", "create", "read"],
  breakGlassPedagogue: ["search", "create", "read"],
  analyst: [],
  admin: [],
  auditor: [],
  adminWhoIsAlsoSocialWorker: [],
  noRoles: [],
};

const FIELDS: Record<PersonaName, readonly PersonField[]> = {
  ownAgencyPedagogue: ["surname", "givenName", "patronymic", "birthDate", "sex", "address", "phone", "notes"],
  ownAgencyInspector: ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "address", "phone", "notes"],
  ownAgencySocialWorker: ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "address", "phone", "notes"],
  ownAgencyProvider: ["surname", "givenName", "patronymic", "birthDate", "sex", "address", "phone", "notes"],
  otherAgencySocialWorker: [],
  otherAgencyOfficer: [],
  territorySupervisor: ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "address", "phone"],
  otherTerritorySupervisor: [],
  breakGlassOfficer: ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "phone"],
  breakGlassPedagogue: ["surname", "givenName", "patronymic", "birthDate", "sex", "phone"],
  analyst: [],
  admin: [],
  auditor: [],
  adminWhoIsAlsoSocialWorker: [],
  noRoles: [],
};

describe("person policy: persona × action", () => {
  for (const [name, { actor, breakGlass }] of Object.entries(PERSONAS) as [PersonaName, Persona][]) {
    for (const action of PERSON_ACTIONS) {
      const expected = ALLOWED[name].includes(action);
      test(`${name} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(mayActOnPerson(actor, action, action === "search" || action === "create" ? null : record, { breakGlass })).toBe(expected);
      });
    }
    test(`${name} sees exactly its fields`, () => {
      expect(visiblePersonFields(actor, record, { breakGlass })).toEqual(FIELDS[name]);
      for (const field of visiblePersonFields(actor, record, { breakGlass })) expect(PERSON_FIELDS).toContain(field);
    });
  }

  test("read and update on a missing record are denied", () => {
    expect(mayActOnPerson(PERSONAS.ownAgencyInspector.actor, "read", null)).toBe(false);
    expect(mayActOnPerson(PERSONAS.ownAgencyInspector.actor, "update", null)).toBe(false);
  });

  test("a person without a district is not visible to territory supervisors", () => {
    const homeless = { ...record, territoryId: null };
    expect(mayActOnPerson(PERSONAS.territorySupervisor.actor, "read", homeless)).toBe(false);
  });
});

describe("person policy: list scope", () => {
  test("caseworkers list their agency's people; supervisors also their district's", () => {
    expect(personListWhere(PERSONAS.ownAgencySocialWorker.actor)).toEqual({ OR: [{ ownerAgencyId: "agency-A" }] });
    expect(personListWhere(PERSONAS.territorySupervisor.actor)).toEqual({ OR: [{ ownerAgencyId: "agency-B" }, { territoryId: "D1" }] });
  });

  test("roles without case content list nothing", () => {
    for (const name of ["analyst", "admin", "auditor", "adminWhoIsAlsoSocialWorker", "noRoles"] as const) {
      expect(personListWhere(PERSONAS[name].actor)).toEqual({ id: { in: [] } });
    }
  });
});
