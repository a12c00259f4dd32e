import { describe, expect, test } from "vitest";
import type { PersonScopeFacts } from "./person.policy";
import type { Actor, RoleName } from "./roles";
import {
  mayActOnScreening,
  mayBeAssignedClinician,
  SCREENING_ACTIONS,
  SCREENING_FIELDS,
  visibleScreeningFields,
  type ScreeningAction,
  type ScreeningField,
  type ScreeningScopeFacts,
} from "./screening.policy";

/**
 * Persona × action matrix for Screening. Every allowed pair is listed; everything else must be
 * denied. The screening was done at school S1 (district D1) by the pedagogue; the child belongs
 * to S1. The clinician is assigned; the inspector2 received a referral from this screening.
 */
const person: PersonScopeFacts = { id: "person-1", ownerAgencyId: "school-S1", territoryId: "D1" };
const base: ScreeningScopeFacts = {
  id: "screening-1",
  schoolAgencyId: "school-S1",
  territoryId: "D1",
  screenerUserId: "u-screener",
  status: "in_progress",
  assignedUserIds: ["u-clinician"],
  referralTargetIds: ["u-referred-inspector"],
};
const completed: ScreeningScopeFacts = { ...base, status: "completed" };

/** The agency's type follows its id's prefix, as in the database (AgencyType). */
const AGENCY_TYPES: Record<string, string> = {
  school: "school",
  health: "health_facility",
  police: "police_department",
  social: "social_services",
  commission: "coordination_commission",
  gov: "local_government",
};
const actor = (id: string, roles: RoleName[], agencyId: string, territoryId = "D1"): Actor => ({
  id,
  roles,
  agencyId,
  territoryId,
  agencyType: AGENCY_TYPES[agencyId.split("-")[0]],
});

const PERSONAS = {
  screener: actor("u-screener", ["social_pedagogue"], "school-S1"),
  sameSchoolPsychologist: actor("u-psy", ["school_psychologist"], "school-S1"),
  sameSchoolOtherPedagogue: actor("u-ped2", ["social_pedagogue"], "school-S1"),
  otherSchoolPsychologist: actor("u-psy2", ["school_psychologist"], "school-S2"),
  assignedClinician: actor("u-clinician", ["service_provider"], "health-H1"),
  districtInspector: actor("u-inspector", ["juvenile_inspector"], "police-P1"),
  referredInspector: actor("u-referred-inspector", ["juvenile_inspector"], "police-P9", "D9"),
  otherDistrictInspector: actor("u-inspector-d2", ["juvenile_inspector"], "police-P2", "D2"),
  socialWorker: actor("u-sw", ["social_worker"], "social-W1"),
  policeOfficer: actor("u-officer", ["police_officer"], "police-P1"),
  teacherLikeStaff: actor("u-teacher", ["service_provider"], "school-S1"),
  teacherNoRole: actor("u-teacher0", [], "school-S1"),
  supervisor: actor("u-sup", ["supervisor"], "social-W1"),
  otherDistrictSupervisor: actor("u-sup2", ["supervisor"], "social-W2", "D2"),
  // School staff never get district status, whatever their role (a school director as supervisor).
  sameSchoolSupervisor: actor("u-sup-school", ["supervisor"], "school-S1"),
  otherSchoolSupervisor: actor("u-sup-school2", ["supervisor"], "school-S2"),
  otherSchoolServiceProvider: actor("u-provider-school2", ["service_provider"], "school-S2"),
  // Employed by social services: no school behind them, so they never start a screening.
  socialServicesPedagogue: actor("u-ped-social", ["social_pedagogue"], "social-W1"),
  analyst: actor("u-analyst", ["analyst"], "commission-C1"),
  admin: actor("u-admin", ["admin"], "gov-G1"),
  auditor: actor("u-auditor", ["auditor"], "commission-C1"),
  adminWhoIsAlsoPsychologist: actor("u-admin-psy", ["admin", "school_psychologist"], "school-S1"),
} satisfies Record<string, Actor>;
type PersonaName = keyof typeof PERSONAS;

/** On the completed screening (start is asked with the person's facts). */
const ALLOWED: Record<PersonaName, readonly ScreeningAction[]> = {
  screener: ["start", "read_content", "read_status"],
  sameSchoolPsychologist: ["start", "read_content", "read_status", "assign_clinician"],
  sameSchoolOtherPedagogue: ["start"],
  otherSchoolPsychologist: [],
  assignedClinician: ["read_content", "read_status"],
  districtInspector: ["read_status"],
  referredInspector: ["read_status"],
  otherDistrictInspector: [],
  socialWorker: ["read_status"],
  policeOfficer: [],
  teacherLikeStaff: [],
  teacherNoRole: [],
  supervisor: ["read_status", "assign_clinician"],
  otherDistrictSupervisor: [],
  sameSchoolSupervisor: [],
  otherSchoolSupervisor: [],
  otherSchoolServiceProvider: [],
  socialServicesPedagogue: [],
  analyst: [],
  admin: [],
  auditor: [],
  adminWhoIsAlsoPsychologist: [],
};

/** While in progress: only the screener answers; content viewers see it; status viewers do not yet. */
const ALLOWED_IN_PROGRESS: Record<PersonaName, readonly ScreeningAction[]> = {
  ...ALLOWED,
  screener: ["start", "answer", "complete", "read_content", "read_status"],
  districtInspector: [],
  referredInspector: [],
  socialWorker: [],
  supervisor: ["assign_clinician"],
};

const CONTENT: ScreeningField[] = [
  "status",
  "followUp",
  "childName",
  "result",
  "findings",
  "answers",
  "otherWorry",
  "consent",
  "instrumentVersions",
  "safetyChecklist",
];
const FIELDS: Record<PersonaName, readonly ScreeningField[]> = {
  screener: CONTENT,
  sameSchoolPsychologist: CONTENT,
  sameSchoolOtherPedagogue: [],
  otherSchoolPsychologist: [],
  assignedClinician: CONTENT,
  districtInspector: ["status", "followUp"],
  referredInspector: ["status", "followUp", "childName"],
  otherDistrictInspector: [],
  socialWorker: ["status", "followUp"],
  policeOfficer: [],
  teacherLikeStaff: [],
  teacherNoRole: [],
  supervisor: ["status", "followUp"],
  otherDistrictSupervisor: [],
  sameSchoolSupervisor: [],
  otherSchoolSupervisor: [],
  otherSchoolServiceProvider: [],
  socialServicesPedagogue: [],
  analyst: [],
  admin: [],
  auditor: [],
  adminWhoIsAlsoPsychologist: [],
};

const decide = (a: Actor, action: ScreeningAction, screening: ScreeningScopeFacts) =>
  action === "start" ? mayActOnScreening(a, "start", null, person) : mayActOnScreening(a, action, screening);

describe("screening policy: persona × action", () => {
  for (const [name, a] of Object.entries(PERSONAS) as [PersonaName, Actor][]) {
    for (const action of SCREENING_ACTIONS) {
      const expected = ALLOWED[name].includes(action);
      test(`${name} ${expected ? "may" : "may not"} ${action} (completed)`, () => expect(decide(a, action, completed)).toBe(expected));
      const expectedInProgress = ALLOWED_IN_PROGRESS[name].includes(action);
      test(`${name} ${expectedInProgress ? "may" : "may not"} ${action} (in progress)`, () => expect(decide(a, action, base)).toBe(expectedInProgress));
    }
    test(`${name} sees exactly its fields`, () => {
      expect(visibleScreeningFields(a, completed)).toEqual(FIELDS[name]);
      for (const field of visibleScreeningFields(a, completed)) expect(SCREENING_FIELDS).toContain(field);
    });
  }

  test("start needs the person in the screener's own scope; never without a person", () => {
    expect(mayActOnScreening(PERSONAS.screener, "start", null, null)).toBe(false);
    expect(mayActOnScreening(PERSONAS.screener, "start", null, { ...person, ownerAgencyId: "school-S2" })).toBe(false);
    expect(mayActOnScreening(PERSONAS.districtInspector, "start", null, { ...person, ownerAgencyId: "police-P1" })).toBe(false);
  });

  test("start needs the screener's agency to be a school, even for a person of their own agency", () => {
    const ownPerson = (a: Actor): PersonScopeFacts => ({ ...person, ownerAgencyId: a.agencyId });
    expect(mayActOnScreening(PERSONAS.socialServicesPedagogue, "start", null, ownPerson(PERSONAS.socialServicesPedagogue))).toBe(false);
    // Deny by default: an actor whose agency type is unknown does not start either.
    expect(mayActOnScreening({ ...PERSONAS.screener, agencyType: undefined }, "start", null, person)).toBe(false);
    expect(mayActOnScreening(PERSONAS.screener, "start", null, person)).toBe(true);
  });

  test("school staff never get district status, not even as supervisors or referral targets of their district", () => {
    for (const a of [PERSONAS.otherSchoolSupervisor, PERSONAS.sameSchoolSupervisor]) {
      expect(mayActOnScreening(a, "read_status", completed)).toBe(false);
      expect(mayActOnScreening(a, "assign_clinician", completed)).toBe(false);
    }
    // A referral target keeps the explicit status access, but never assigns clinicians.
    const referred = { ...completed, referralTargetIds: ["u-sup-school2"] };
    expect(mayActOnScreening(PERSONAS.otherSchoolSupervisor, "read_status", referred)).toBe(true);
    expect(mayActOnScreening(PERSONAS.otherSchoolSupervisor, "assign_clinician", referred)).toBe(false);
    // Deny by default: an actor of unknown agency type gets no district status.
    expect(mayActOnScreening({ ...PERSONAS.supervisor, agencyType: undefined }, "read_status", completed)).toBe(false);
  });

  test("an assignment of someone who may not be a clinician (school staff) opens nothing", () => {
    const assigned = { ...completed, assignedUserIds: ["u-provider-school2"] };
    expect(mayActOnScreening(PERSONAS.otherSchoolServiceProvider, "read_content", assigned)).toBe(false);
    expect(mayActOnScreening(PERSONAS.otherSchoolServiceProvider, "read_status", assigned)).toBe(false);
    expect(mayActOnScreening(PERSONAS.otherSchoolPsychologist, "read_content", { ...completed, assignedUserIds: ["u-psy2"] })).toBe(true);
  });

  test("an assignment that was removed gives nothing; an abandoned screening cannot get a clinician", () => {
    const removed = { ...completed, assignedUserIds: [] };
    expect(mayActOnScreening(PERSONAS.assignedClinician, "read_content", removed)).toBe(false);
    expect(mayActOnScreening(PERSONAS.assignedClinician, "read_status", removed)).toBe(false);
    expect(mayActOnScreening(PERSONAS.sameSchoolPsychologist, "assign_clinician", { ...completed, status: "abandoned" })).toBe(false);
  });

  test("nobody answers a completed screening, not even its screener", () => {
    for (const a of Object.values(PERSONAS)) {
      expect(mayActOnScreening(a, "answer", completed)).toBe(false);
      expect(mayActOnScreening(a, "complete", completed)).toBe(false);
    }
  });

  test("a referral never opens the content, and school staff stay out even when referred", () => {
    expect(mayActOnScreening(PERSONAS.referredInspector, "read_content", completed)).toBe(false);
    expect(mayActOnScreening(PERSONAS.teacherLikeStaff, "read_status", { ...completed, referralTargetIds: ["u-teacher"] })).toBe(false);
  });

  test("who may be assigned as a clinician", () => {
    expect(mayBeAssignedClinician(["school_psychologist"], "school")).toBe(true);
    for (const type of ["health_facility", "psychological_service", "ngo", "crisis_centre", "shelter"])
      expect(mayBeAssignedClinician(["service_provider"], type)).toBe(true);
    // A service provider employed by a school is school staff (a teacher-like account), never a clinician.
    expect(mayBeAssignedClinician(["service_provider"], "school")).toBe(false);
    for (const type of ["police_department", "social_services", "legal_aid", "local_government", "probation_office", "coordination_commission"]) {
      expect(mayBeAssignedClinician(["service_provider"], type)).toBe(false);
    }
    // A psychologist only of a school; never without a known agency type.
    expect(mayBeAssignedClinician(["school_psychologist"], "social_services")).toBe(false);
    expect(mayBeAssignedClinician(["service_provider"], undefined)).toBe(false);
    expect(mayBeAssignedClinician(["juvenile_inspector"], "police_department")).toBe(false);
    expect(mayBeAssignedClinician(["social_worker"], "ngo")).toBe(false);
    expect(mayBeAssignedClinician(["police_officer", "service_provider"], "health_facility")).toBe(false);
    expect(mayBeAssignedClinician(["admin", "school_psychologist"], "school")).toBe(false);
  });
});
