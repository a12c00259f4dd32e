import { describe, expect, test } from "vitest";
import type { Actor, RoleName } from "~policies/roles";
import { pathwayAccess, type PathwayScopeFacts } from "./pathway-access";

const SCHOOL = "school-41";
const DISTRICT = "leninsky";
const facts: PathwayScopeFacts = {
  id: "s1",
  schoolAgencyId: SCHOOL,
  territoryId: DISTRICT,
  screenerUserId: "pedagogue",
  status: "completed",
  assignedUserIds: ["clinician"],
  referralTargetIds: ["inspector-osh"],
};
/** The agency's type follows its id's first segment, as in the database (AgencyType). */
const AGENCY_TYPES: Record<string, string> = {
  school: "school",
  ngo: "ngo",
  police: "police_department",
  social: "social_services",
  commission: "coordination_commission",
  gov: "local_government",
};
const actor = (id: string, roles: RoleName[], agencyId: string, territoryId = DISTRICT): Actor => ({
  id,
  roles,
  agencyId,
  territoryId,
  agencyType: AGENCY_TYPES[agencyId.split("-")[0]],
});

/** Persona × pathway action: every allowed pair is listed; everything else is denied. */
const MATRIX: Array<[string, Actor, string[]]> = [
  ["screener", actor("pedagogue", ["social_pedagogue"], SCHOOL), ["read_status", "read_content", "act", "record_checklist"]],
  ["same-school psychologist", actor("psy", ["school_psychologist"], SCHOOL), ["read_status", "read_content", "act", "record_checklist", "record_assessment"]],
  ["other-school psychologist", actor("psy2", ["school_psychologist"], "school-7"), []],
  ["assigned clinician", actor("clinician", ["service_provider"], "ngo"), ["read_status", "read_content", "act", "record_assessment"]],
  ["district inspector", actor("inspector", ["juvenile_inspector"], "police"), ["read_status"]],
  ["district social worker", actor("sw", ["social_worker"], "social"), ["read_status"]],
  ["district supervisor", actor("sup", ["supervisor"], "social"), ["read_status"]],
  ["referral target elsewhere", actor("inspector-osh", ["juvenile_inspector"], "police-osh", "osh"), ["read_status"]],
  ["other-district inspector", actor("inspector-2", ["juvenile_inspector"], "police-osh", "osh"), []],
  ["teacher-like staff of the school", actor("teacher", ["service_provider"], SCHOOL), []],
  ["another pedagogue of the school", actor("ped2", ["social_pedagogue"], SCHOOL), []],
  ["police officer", actor("officer", ["police_officer"], "police"), []],
  ["analyst", actor("analyst", ["analyst"], "commission"), []],
  ["admin", actor("admin", ["admin"], "gov"), []],
  ["auditor", actor("auditor", ["auditor"], "commission"), []],
  ["psychologist who is also an auditor", actor("psy3", ["school_psychologist", "auditor"], SCHOOL), []],
];

describe("pathway access (derived from the screening policy)", () => {
  test.each(MATRIX)("%s", (_name, who, allowed) => {
    expect([...pathwayAccess(who, facts)].sort()).toEqual([...allowed].sort());
  });
  test("status viewers see nothing of a screening still in progress", () => {
    expect(pathwayAccess(actor("inspector", ["juvenile_inspector"], "police"), { ...facts, status: "in_progress" })).toEqual([]);
  });
});
