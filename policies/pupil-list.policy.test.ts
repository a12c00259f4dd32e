import { describe, expect, test } from "vitest";
import { mayListPupils } from "./pupil-list.policy";
import { ROLES, type Actor, type RoleName } from "./roles";

/**
 * Persona × agency-type matrix for the pupil list. Every allowed pair is listed; everything
 * else must be denied.
 */
const AGENCY_TYPES = [
  "school",
  "police_department",
  "social_services",
  "health_facility",
  "crisis_centre",
  "psychological_service",
  "ngo",
  "local_government",
  "coordination_commission",
] as const;

const ALLOWED: Record<RoleName, readonly (typeof AGENCY_TYPES)[number][]> = {
  social_pedagogue: ["school"],
  school_psychologist: ["school"],
  juvenile_inspector: [],
  police_officer: [],
  social_worker: [],
  service_provider: [],
  supervisor: [],
  analyst: [],
  admin: [],
  auditor: [],
};

const actor = (roles: readonly RoleName[]): Actor => ({ id: "u-1", roles, agencyId: "agency-1", territoryId: "D1" });

describe("pupil list policy matrix", () => {
  test("the table covers every role", () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...ROLES].sort());
  });

  const pairs = ROLES.flatMap((role) => AGENCY_TYPES.map((type) => [role, type, ALLOWED[role].includes(type)] as const));

  test.each(pairs)("%s in a %s agency: allowed=%s", (role, agencyType, allowed) => {
    expect(mayListPupils(actor([role]), { agencyType })).toBe(allowed);
  });

  test("deny beats allow: a school psychologist who is also admin, auditor or analyst is denied", () => {
    for (const denied of ["admin", "auditor", "analyst"] as const) {
      expect(mayListPupils(actor(["school_psychologist", denied]), { agencyType: "school" })).toBe(false);
      expect(mayListPupils(actor(["social_pedagogue", denied]), { agencyType: "school" })).toBe(false);
    }
  });

  test("a teacher-like school user (another casework role, or no role) is denied", () => {
    expect(mayListPupils(actor(["service_provider"]), { agencyType: "school" })).toBe(false);
    expect(mayListPupils(actor([]), { agencyType: "school" })).toBe(false);
  });

  test("a pedagogue holding a second casework role keeps the list", () => {
    expect(mayListPupils(actor(["social_pedagogue", "service_provider"]), { agencyType: "school" })).toBe(true);
  });

  test("no actor, unknown agency type: denied", () => {
    expect(mayListPupils(null, { agencyType: "school" })).toBe(false);
    expect(mayListPupils(actor(["social_pedagogue"]), { agencyType: "" })).toBe(false);
  });
});
