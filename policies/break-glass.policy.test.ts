import { describe, expect, test } from "vitest";
import { mayRequestBreakGlass, mayReviewBreakGlass, reviewQueueScope } from "./break-glass.policy";
import { ROLES, type Actor, type RoleName } from "./roles";

const actor = (roles: RoleName[], id = "u1", territoryId = "D1"): Actor => ({ id, roles, agencyId: "A", territoryId });

/** Allowed pairs; everything else is denied. */
const MAY_REQUEST: readonly RoleName[] = [
  "social_pedagogue",
  "school_psychologist",
  "juvenile_inspector",
  "police_officer",
  "social_worker",
  "service_provider",
  "supervisor",
];
const MAY_REVIEW: readonly RoleName[] = ["supervisor"];

describe("break-glass policy: persona × action", () => {
  for (const role of ROLES) {
    test(`${role}: request ${MAY_REQUEST.includes(role) ? "allowed" : "denied"}, review ${MAY_REVIEW.includes(role) ? "allowed" : "denied"}`, () => {
      expect(mayRequestBreakGlass(actor([role]))).toBe(MAY_REQUEST.includes(role));
      const grant = { userId: "someone-else", requesterTerritoryId: "D1" };
      expect(mayReviewBreakGlass(actor([role]), grant)).toBe(MAY_REVIEW.includes(role));
      expect(reviewQueueScope(actor([role])) !== null).toBe(MAY_REVIEW.includes(role));
    });
  }

  test("nobody reviews their own emergency access", () => {
    expect(mayReviewBreakGlass(actor(["supervisor"], "u1"), { userId: "u1", requesterTerritoryId: "D1" })).toBe(false);
  });

  test("a supervisor reviews only requesters from their own district", () => {
    expect(mayReviewBreakGlass(actor(["supervisor"]), { userId: "u2", requesterTerritoryId: "D2" })).toBe(false);
  });

  test("admin, auditor and analyst roles deny even alongside a casework role", () => {
    for (const denier of ["admin", "auditor", "analyst"] as const) {
      expect(mayRequestBreakGlass(actor(["social_worker", denier]))).toBe(false);
      expect(mayReviewBreakGlass(actor(["supervisor", denier]), { userId: "u2", requesterTerritoryId: "D1" })).toBe(false);
    }
  });
});
