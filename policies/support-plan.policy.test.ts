import { describe, expect, test } from "vitest";
import type { Actor, RoleName } from "./roles";
import {
  mayActOnPlan,
  PLAN_ACTIONS,
  planListWhere,
  planRelation,
  visiblePlanFields,
  type PlanAction,
  type PlanField,
  type PlanScopeFacts,
} from "./support-plan.policy";

/**
 * Persona × action matrix for SupportPlan. Every allowed pair is listed; everything else must be
 * denied. The plan is led by an inspector of police agency P in district D1; a social worker of
 * agency S is a member; a pedagogue of school K was a member and has been removed.
 */
const actor = (id: string, roles: RoleName[], agencyId: string, territoryId: string): Actor => ({ id, roles, agencyId, territoryId });

const PERSONAS = {
  lead: actor("lead", ["juvenile_inspector"], "P", "D1"),
  member: actor("member", ["social_worker"], "S", "D1"),
  policeMember: actor("police-member", ["police_officer"], "P2", "D1"),
  removedMember: actor("removed", ["social_pedagogue"], "K", "D1"),
  leadColleague: actor("colleague", ["police_officer"], "P", "D1"),
  leadColleagueInspector: actor("colleague-inspector", ["juvenile_inspector"], "P", "D1"),
  stranger: actor("stranger", ["social_worker"], "S9", "D2"),
  territorySupervisor: actor("supervisor", ["supervisor"], "S", "D1"),
  otherSupervisor: actor("other-supervisor", ["supervisor"], "S9", "D2"),
  analyst: actor("analyst", ["analyst"], "C", "D1"),
  admin: actor("admin", ["admin"], "L", "D1"),
  auditor: actor("auditor", ["auditor"], "C", "D1"),
  adminAlsoLead: actor("lead", ["admin", "juvenile_inspector"], "P", "D1"),
  noRoles: actor("nobody", [], "P", "D1"),
} satisfies Record<string, Actor>;
type PersonaName = keyof typeof PERSONAS;

const plan = (status: PlanScopeFacts["status"], extra: Partial<PlanScopeFacts> = {}): PlanScopeFacts => ({
  id: "plan-1",
  status,
  isProposal: false,
  leadUserId: "lead",
  leadAgencyId: "P",
  territoryId: "D1",
  closureRequestedById: status === "closure_requested" ? "lead" : null,
  members: [
    { userId: "member", removedAt: null },
    { userId: "police-member", removedAt: null },
    { userId: "removed", removedAt: new Date("2026-01-01") },
  ],
  ...extra,
});

const STATES = {
  active: plan("active"),
  draft: plan("draft"),
  closureRequested: plan("closure_requested"),
  closed: plan("closed"),
};
type StateName = keyof typeof STATES;

const TEAM_WORK: PlanAction[] = ["read", "print", "update", "record_review"];
const NONE: PlanAction[] = [];

/** Allowed actions per persona and plan state (propose/open are checked separately). */
const ALLOWED: Record<PersonaName, Record<StateName, readonly PlanAction[]>> = {
  lead: {
    active: [...TEAM_WORK, "add_member", "remove_member", "request_closure", "transfer"],
    draft: [...TEAM_WORK, "activate", "add_member", "remove_member", "transfer"],
    closureRequested: ["read", "print", "add_member", "remove_member"],
    closed: ["read", "print"],
  },
  member: { active: TEAM_WORK, draft: TEAM_WORK, closureRequested: ["read", "print"], closed: ["read", "print"] },
  policeMember: { active: TEAM_WORK, draft: TEAM_WORK, closureRequested: ["read", "print"], closed: ["read", "print"] },
  removedMember: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  leadColleague: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  leadColleagueInspector: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  stranger: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  territorySupervisor: {
    active: ["read", "print", "transfer"],
    draft: ["read", "print", "transfer"],
    closureRequested: ["read", "print", "decide_closure"],
    closed: ["read", "print", "reopen"],
  },
  otherSupervisor: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  analyst: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  admin: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  auditor: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  adminAlsoLead: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
  noRoles: { active: NONE, draft: NONE, closureRequested: NONE, closed: NONE },
};

const ALL_FIELDS: PlanField[] = ["childName", "grounds", "groundsOther", "team", "goals", "reviews", "parentInvolvement", "childView", "closure"];
const FIELDS: Record<PersonaName, readonly PlanField[]> = {
  lead: ALL_FIELDS,
  member: ALL_FIELDS,
  policeMember: ["childName", "grounds", "groundsOther", "team", "goals", "reviews", "closure"],
  removedMember: [],
  leadColleague: [],
  leadColleagueInspector: [],
  stranger: [],
  territorySupervisor: ALL_FIELDS,
  otherSupervisor: [],
  analyst: [],
  admin: [],
  auditor: [],
  adminAlsoLead: [],
  noRoles: [],
};

describe("support plan policy: persona × action × state", () => {
  for (const [name, persona] of Object.entries(PERSONAS) as [PersonaName, Actor][]) {
    for (const [state, facts] of Object.entries(STATES) as [StateName, PlanScopeFacts][]) {
      for (const action of PLAN_ACTIONS.filter((a) => a !== "open" && a !== "propose")) {
        const expected = ALLOWED[name][state].includes(action);
        test(`${name} ${expected ? "may" : "may not"} ${action} a ${state} plan`, () => {
          expect(mayActOnPlan(persona, action, facts)).toBe(expected);
        });
      }
    }
    test(`${name} sees exactly its fields`, () => {
      expect(visiblePlanFields(persona, STATES.active)).toEqual(FIELDS[name]);
    });
  }

  test("only lead roles open plans; only pedagogues propose; case-content bans win", () => {
    const openers = Object.entries(PERSONAS)
      .filter(([, persona]) => mayActOnPlan(persona, "open", null))
      .map(([name]) => name);
    expect(openers.sort()).toEqual(["lead", "leadColleagueInspector", "member", "stranger"].sort());
    expect(mayActOnPlan(PERSONAS.removedMember, "propose", null)).toBe(true);
    expect(mayActOnPlan(PERSONAS.lead, "propose", null)).toBe(false);
    expect(mayActOnPlan(actor("x", ["social_pedagogue", "auditor"], "K", "D1"), "propose", null)).toBe(false);
  });

  test("actions on a missing plan are denied", () => {
    for (const action of PLAN_ACTIONS.filter((a) => a !== "open" && a !== "propose")) expect(mayActOnPlan(PERSONAS.lead, action, null)).toBe(false);
  });

  test("closure is decided by a supervisor who is neither the lead nor the requester", () => {
    const supervisorLed = plan("closure_requested", { leadUserId: "supervisor", closureRequestedById: "supervisor" });
    expect(mayActOnPlan(PERSONAS.territorySupervisor, "decide_closure", supervisorLed)).toBe(false);
    const requestedBySupervisor = plan("closure_requested", { closureRequestedById: "supervisor" });
    expect(mayActOnPlan(PERSONAS.territorySupervisor, "decide_closure", requestedBySupervisor)).toBe(false);
  });

  test("a removed member loses access; re-adding restores it", () => {
    expect(planRelation(PERSONAS.removedMember, STATES.active)).toBe("none");
    const readded = plan("active", { members: [...STATES.active.members, { userId: "removed", removedAt: null }] });
    expect(planRelation(PERSONAS.removedMember, readded)).toBe("member");
  });
});

describe("support plan policy: proposals", () => {
  const proposal = plan("draft", { isProposal: true, leadUserId: "removed", leadAgencyId: "K", members: [] });

  test("the proposer edits it; lead roles of the district may read and accept it; nobody activates it yet", () => {
    expect(planRelation(PERSONAS.removedMember, proposal)).toBe("lead");
    expect(mayActOnPlan(PERSONAS.removedMember, "update", proposal)).toBe(true);
    expect(mayActOnPlan(PERSONAS.removedMember, "activate", proposal)).toBe(false);
    expect(mayActOnPlan(PERSONAS.removedMember, "accept", proposal)).toBe(false);
    for (const name of ["lead", "member", "leadColleagueInspector"] as const) {
      expect(mayActOnPlan(PERSONAS[name], "accept", proposal)).toBe(true);
      expect(mayActOnPlan(PERSONAS[name], "update", proposal)).toBe(false);
      expect(visiblePlanFields(PERSONAS[name], proposal)).toEqual(["childName", "grounds", "groundsOther"]);
    }
    expect(mayActOnPlan(PERSONAS.stranger, "accept", proposal)).toBe(false);
    expect(mayActOnPlan(PERSONAS.leadColleague, "accept", proposal)).toBe(false);
    expect(mayActOnPlan(PERSONAS.territorySupervisor, "accept", proposal)).toBe(false);
  });

  test("an accepted proposal is no longer visible to other candidates", () => {
    const accepted = { ...proposal, isProposal: false, leadUserId: "lead", leadAgencyId: "P" };
    expect(planRelation(PERSONAS.leadColleagueInspector, accepted)).toBe("none");
  });
});

describe("support plan policy: list scope", () => {
  test("caseload: lead or active member; supervisors add their district; lead roles add open proposals", () => {
    expect(planListWhere(PERSONAS.leadColleague)).toEqual({
      OR: [{ leadUserId: "colleague" }, { members: { some: { userId: "colleague", removedAt: null } } }],
    });
    expect((planListWhere(PERSONAS.territorySupervisor) as { OR: unknown[] }).OR).toContainEqual({ territoryId: "D1" });
    expect((planListWhere(PERSONAS.lead) as { OR: unknown[] }).OR).toContainEqual({ isProposal: true, status: "draft", territoryId: "D1" });
  });

  test("roles without case content list nothing", () => {
    for (const name of ["analyst", "admin", "auditor", "adminAlsoLead", "noRoles"] as const) {
      expect(planListWhere(PERSONAS[name])).toEqual({ id: { in: [] } });
    }
  });
});
