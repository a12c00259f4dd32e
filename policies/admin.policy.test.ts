import { describe, expect, test } from "vitest";
import { ADMIN_ACTIONS, isSelfLockout, mayAdminister, type AdminAction } from "./admin.policy";
import { ROLES, type Actor, type RoleName } from "./roles";

/**
 * Persona × action matrix. Every allowed pair is listed here explicitly; everything else must
 * be denied. Adding an action (or changing who may do it) means updating this table.
 */
const ALL: readonly AdminAction[] = [...ADMIN_ACTIONS];
const ALLOWED: Record<RoleName, readonly AdminAction[]> = {
  social_pedagogue: [],
  school_psychologist: [],
  juvenile_inspector: [],
  police_officer: [],
  social_worker: [],
  service_provider: [],
  supervisor: [],
  analyst: [],
  admin: ALL,
  auditor: [],
};

/** The actions this table knows about; a new action in ADMIN_ACTIONS fails the first test. */
const KNOWN_ACTIONS = [
  "agency.list",
  "agency.create",
  "agency.update",
  "agency.disable",
  "agency.enable",
  "user.list",
  "user.create",
  "user.update",
  "user.disable",
  "user.enable",
  "user.resetPassword",
  "user.resetTotp",
  "user.assignRoles",
] as const;

const actor = (roles: readonly RoleName[], id = "user-1", agencyId = "agency-1"): Actor => ({ id, roles, agencyId, territoryId: "territory-1" });
const otherUser = { userId: "user-2", agencyId: "agency-2", roles: ["social_worker"] as RoleName[] };

describe("admin policy matrix", () => {
  test("the table covers exactly the actions in ADMIN_ACTIONS and the roles in ROLES", () => {
    expect([...ADMIN_ACTIONS].sort()).toEqual([...KNOWN_ACTIONS].sort());
    expect(Object.keys(ALLOWED).sort()).toEqual([...ROLES].sort());
  });

  const pairs = ROLES.flatMap((role) => ALL.map((action) => [role, action, ALLOWED[role].includes(action)] as const));

  test.each(pairs)("%s → %s: allowed=%s", (role, action, allowed) => {
    expect(mayAdminister(actor([role]), action)).toBe(allowed);
    // On someone else's account or agency the answer is the same.
    expect(mayAdminister(actor([role]), action, otherUser)).toBe(allowed);
  });

  test("a null actor and an actor without roles may do nothing", () => {
    for (const action of ALL) {
      expect(mayAdminister(null, action)).toBe(false);
      expect(mayAdminister(actor([]), action)).toBe(false);
    }
  });

  test("an action not in ADMIN_ACTIONS is denied, even to an admin (deny by default)", () => {
    expect(mayAdminister(actor(["admin"]), "case.read" as AdminAction)).toBe(false);
    expect(mayAdminister(actor(["admin"]), "person.read" as AdminAction, otherUser)).toBe(false);
  });

  test("every other role combined with admin still gets the admin actions; without admin, none", () => {
    const everyoneButAdmin = ROLES.filter((role) => role !== "admin");
    for (const action of ALL) {
      expect(mayAdminister(actor(everyoneButAdmin), action)).toBe(false);
      expect(mayAdminister(actor([...everyoneButAdmin, "admin"]), action)).toBe(true);
    }
  });
});

describe("an admin cannot lock themselves out", () => {
  const admin = actor(["admin"], "admin-1", "agency-9");

  test("cannot disable their own account, but may disable others", () => {
    expect(mayAdminister(admin, "user.disable", { userId: "admin-1" })).toBe(false);
    expect(mayAdminister(admin, "user.disable", { userId: "user-2" })).toBe(true);
  });

  test("cannot remove their own admin role, but may change their other roles", () => {
    expect(mayAdminister(admin, "user.assignRoles", { userId: "admin-1", roles: ["social_worker"] })).toBe(false);
    expect(mayAdminister(admin, "user.assignRoles", { userId: "admin-1", roles: [] })).toBe(false);
    expect(mayAdminister(admin, "user.assignRoles", { userId: "admin-1" })).toBe(false);
    expect(mayAdminister(admin, "user.assignRoles", { userId: "admin-1", roles: ["admin", "auditor"] })).toBe(true);
    expect(mayAdminister(admin, "user.assignRoles", { userId: "user-2", roles: ["social_worker"] })).toBe(true);
  });

  test("cannot disable their own agency, but may disable another", () => {
    expect(mayAdminister(admin, "agency.disable", { agencyId: "agency-9" })).toBe(false);
    expect(mayAdminister(admin, "agency.disable", { agencyId: "agency-2" })).toBe(true);
  });

  test("other actions on themselves stay allowed (reset own password still needs TOTP at sign-in)", () => {
    for (const action of ["user.update", "user.resetPassword", "user.resetTotp", "user.enable"] as const) {
      expect(mayAdminister(admin, action, { userId: "admin-1" })).toBe(true);
      expect(isSelfLockout(admin, action, { userId: "admin-1" })).toBe(false);
    }
  });
});
