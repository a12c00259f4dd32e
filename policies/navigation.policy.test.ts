import { describe, expect, test } from "vitest";
import { ru } from "~/i18n/catalogues/ru";
import { AREAS, areasFor, mayOpenArea, type Area } from "./navigation.policy";
import { ROLES, type Actor, type RoleName } from "./roles";

/**
 * Persona × area matrix. Every allowed pair is listed here explicitly; everything else must be
 * denied. Adding an area (or changing who may open one) means updating this table.
 */
const ALLOWED: Record<RoleName, readonly Area[]> = {
  social_pedagogue: ["home", "people", "plans", "pupils", "screeningAlerts"],
  school_psychologist: ["home", "people", "plans", "pupils", "screeningAlerts"],
  juvenile_inspector: ["home", "people", "plans", "screeningAlerts", "orders"],
  police_officer: ["home", "people", "plans", "screeningAlerts", "orders"],
  social_worker: ["home", "people", "plans", "screeningAlerts", "orders"],
  service_provider: ["home", "people", "plans", "screeningAlerts"],
  supervisor: ["home", "people", "plans", "screeningAlerts", "orders", "ordersBoard", "breakGlassReview"],
  analyst: ["home"],
  admin: ["home", "admin"],
  auditor: ["home", "audit"],
};

/** The areas this table knows about; a new area in AREAS fails the first test below. */
const KNOWN_AREAS = ["home", "people", "plans", "pupils", "screeningAlerts", "orders", "ordersBoard", "breakGlassReview", "audit", "admin"] as const;

// A police department: the one agency type that opens every area (the order board is police-only).
const actor = (roles: readonly RoleName[]): Actor => ({
  id: "user-1",
  roles,
  agencyId: "agency-1",
  territoryId: "territory-1",
  agencyType: "police_department",
});
const allAreas = Object.keys(AREAS) as Area[];

describe("navigation policy matrix", () => {
  test("the table covers exactly the areas in AREAS and the roles in ROLES", () => {
    expect([...allAreas].sort()).toEqual([...KNOWN_AREAS].sort());
    expect(Object.keys(ALLOWED).sort()).toEqual([...ROLES].sort());
  });

  const pairs = ROLES.flatMap((role) => allAreas.map((area) => [role, area, ALLOWED[role].includes(area)] as const));

  test.each(pairs)("%s → %s: allowed=%s", (role, area, allowed) => {
    expect(mayOpenArea(actor([role]), area)).toBe(allowed);
  });

  test.each([...ROLES])("areasFor(%s) lists exactly its allowed areas, in AREAS order", (role) => {
    expect(areasFor(actor([role]))).toEqual(allAreas.filter((area) => ALLOWED[role].includes(area)));
  });

  test("an actor with several roles gets the union of their areas", () => {
    const roles: RoleName[] = ["admin", "auditor", "social_worker"];
    const union = allAreas.filter((area) => roles.some((role) => ALLOWED[role].includes(area)));
    expect(areasFor(actor(roles))).toEqual(union);
  });

  test("the order board is for police supervisors only: other agencies and a missing agency type do not get it", () => {
    const supervisor = actor(["supervisor"]);
    expect(mayOpenArea(supervisor, "ordersBoard")).toBe(true);
    expect(mayOpenArea({ ...supervisor, agencyType: "social_services" }, "ordersBoard")).toBe(false);
    expect(mayOpenArea({ ...supervisor, agencyType: undefined }, "ordersBoard")).toBe(false);
    expect(areasFor({ ...supervisor, agencyType: "social_services" })).not.toContain("ordersBoard");
    expect(mayOpenArea({ ...supervisor, agencyType: "social_services" }, "orders")).toBe(true);
  });

  test("a null actor sees nothing", () => {
    expect(areasFor(null)).toEqual([]);
    for (const area of allAreas) expect(mayOpenArea(null, area)).toBe(false);
  });

  test("an actor with no roles sees nothing, not even 'any-signed-in' areas", () => {
    expect(areasFor(actor([]))).toEqual([]);
    for (const area of allAreas) expect(mayOpenArea(actor([]), area)).toBe(false);
  });

  test("an area not in AREAS is denied (deny by default)", () => {
    let granted: boolean;
    try {
      granted = mayOpenArea(actor(["supervisor"]), "no-such-area" as Area);
    } catch {
      granted = false;
    }
    expect(granted).toBe(false);
  });

  test("every area has a path and a catalogue label", () => {
    for (const area of allAreas) {
      expect(AREAS[area].path).toMatch(/^\/[a-z0-9/_-]*$/);
      expect(Object.keys(ru)).toContain(AREAS[area].labelKey);
    }
  });
});
