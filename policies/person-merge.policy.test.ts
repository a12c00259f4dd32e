import { describe, expect, test } from "vitest";
import { mayMergePeople, mayUnmergePeople, type MergeFacts } from "./person-merge.policy";
import type { Actor, RoleName } from "./roles";

const actor = (roles: RoleName[], agencyId = "agency-ss", territoryId = "district-1"): Actor => ({ id: "u1", roles, agencyId, territoryId });
const person = (id: string, ownerAgencyId = "agency-school", territoryId: string | null = "district-1", mergedIntoId: string | null = null): MergeFacts => ({
  id,
  ownerAgencyId,
  territoryId,
  mergedIntoId,
});

describe("merging person records", () => {
  test("a supervisor merges two records of their district", () => {
    expect(mayMergePeople(actor(["supervisor"]), person("a"), person("b"))).toBe(true);
  });

  test.each<[string, Actor, MergeFacts, MergeFacts]>([
    ["a caseworker", actor(["social_worker"], "agency-school"), person("a"), person("b")],
    ["a supervisor who is also admin", actor(["supervisor", "admin"]), person("a"), person("b")],
    ["a record of another district", actor(["supervisor"]), person("a"), person("b", "agency-x", "district-2")],
    ["a record into itself", actor(["supervisor"]), person("a"), person("a")],
    ["an already merged record", actor(["supervisor"]), person("a"), person("b", "agency-school", "district-1", "c")],
    ["into a merged record", actor(["supervisor"]), person("a", "agency-school", "district-1", "c"), person("b")],
  ])("denied: %s", (_label, who, survivor, duplicate) => {
    expect(mayMergePeople(who, survivor, duplicate)).toBe(false);
  });

  test("undo needs the same standing, and only for a record merged into this survivor", () => {
    expect(mayUnmergePeople(actor(["supervisor"]), person("a"), person("b", "agency-school", "district-1", "a"))).toBe(true);
    expect(mayUnmergePeople(actor(["supervisor"]), person("a"), person("b", "agency-school", "district-1", "c"))).toBe(false);
    expect(mayUnmergePeople(actor(["social_worker"]), person("a"), person("b", "agency-school", "district-1", "a"))).toBe(false);
  });
});
