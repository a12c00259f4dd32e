import { describe, expect, test } from "vitest";
import {
  mayActOnOrder,
  mayIssueOrders,
  ORDER_ACTIONS,
  orderListWhere,
  visibleOrderFields,
  type OrderAction,
  type OrderField,
  type OrderScopeFacts,
  type OrderStatus,
} from "./protection-order.policy";
import type { Actor, RoleName } from "./roles";

/**
 * Persona × action × status matrix for ProtectionOrder. Every allowed triple is listed; everything
 * else must be denied. The order was issued by officer `issuer` of police department P in district
 * D1 and handed over to officer `officer`; it involves a child unless a test says otherwise.
 */
const actor = (id: string, roles: RoleName[], agencyId: string, territoryId: string, agencyType: string): Actor => ({
  id,
  roles,
  agencyId,
  territoryId,
  agencyType,
});

const PERSONAS = {
  officer: actor("officer", ["police_officer"], "P", "D1", "police_department"),
  issuer: actor("issuer", ["police_officer"], "P", "D1", "police_department"),
  colleague: actor("colleague", ["police_officer"], "P", "D1", "police_department"),
  policeSupervisor: actor("police-supervisor", ["supervisor"], "P", "D1", "police_department"),
  otherPoliceSupervisor: actor("other-police-supervisor", ["supervisor"], "P2", "D2", "police_department"),
  socialSupervisor: actor("social-supervisor", ["supervisor"], "S", "D1", "social_services"),
  socialWorker: actor("social-worker", ["social_worker"], "S", "D1", "social_services"),
  otherSocialWorker: actor("other-social-worker", ["social_worker"], "S2", "D2", "social_services"),
  inspector: actor("inspector", ["juvenile_inspector"], "P", "D1", "police_department"),
  pedagogue: actor("pedagogue", ["social_pedagogue"], "K", "D1", "school"),
  provider: actor("provider", ["service_provider"], "C", "D1", "crisis_centre"),
  officerWithoutAgencyType: { id: "officer", roles: ["police_officer"], agencyId: "P", territoryId: "D1" } as Actor,
  analyst: actor("analyst", ["analyst"], "A", "D1", "coordination_commission"),
  admin: actor("admin", ["admin"], "L", "D1", "local_government"),
  auditor: actor("auditor", ["auditor"], "A", "D1", "coordination_commission"),
  adminAlsoOfficer: actor("officer", ["admin", "police_officer"], "P", "D1", "police_department"),
} satisfies Record<string, Actor>;
type PersonaName = keyof typeof PERSONAS;

const order = (status: OrderStatus, involvesChild = true): OrderScopeFacts => ({
  id: "order-1",
  status,
  issuingUserId: "issuer",
  responsibleUserId: "officer",
  territoryId: "D1",
  involvesChild,
});

const NONE: Record<OrderStatus, readonly OrderAction[]> = { issued: [], served: [], active: [], extended: [], expired: [], revoked: [] };
const READ_ONLY: Record<OrderStatus, readonly OrderAction[]> = {
  issued: ["read"],
  served: ["read"],
  active: ["read"],
  extended: ["read"],
  expired: ["read"],
  revoked: ["read"],
};
const IN_FORCE_OFFICER: OrderAction[] = ["read", "read_risk", "assess_risk", "record_check", "record_violation", "notify_protected", "extend", "revoke"];

const ALLOWED: Record<PersonaName, Record<OrderStatus, readonly OrderAction[]>> = {
  officer: {
    issued: ["read", "read_risk", "serve", "assess_risk", "notify_protected", "revoke"],
    served: IN_FORCE_OFFICER,
    active: IN_FORCE_OFFICER,
    extended: IN_FORCE_OFFICER,
    expired: ["read", "read_risk"],
    revoked: ["read", "read_risk"],
  },
  issuer: {
    issued: ["read", "read_risk"],
    served: ["read", "read_risk"],
    active: ["read", "read_risk"],
    extended: ["read", "read_risk"],
    expired: ["read", "read_risk"],
    revoked: ["read", "read_risk"],
  },
  colleague: NONE,
  policeSupervisor: {
    issued: ["read", "read_risk", "assess_risk", "revoke", "hand_over"],
    served: ["read", "read_risk", "assess_risk", "extend", "revoke", "hand_over"],
    active: ["read", "read_risk", "assess_risk", "extend", "revoke", "hand_over"],
    extended: ["read", "read_risk", "assess_risk", "extend", "revoke", "hand_over"],
    expired: ["read", "read_risk"],
    revoked: ["read", "read_risk"],
  },
  otherPoliceSupervisor: NONE,
  socialSupervisor: NONE,
  socialWorker: READ_ONLY,
  otherSocialWorker: NONE,
  inspector: READ_ONLY,
  pedagogue: NONE,
  provider: NONE,
  officerWithoutAgencyType: NONE,
  analyst: NONE,
  admin: NONE,
  auditor: NONE,
  adminAlsoOfficer: NONE,
};

const SHARED: OrderField[] = ["parties", "conditions", "dates", "status", "checks", "violations"];
const FIELDS: Record<PersonaName, readonly OrderField[]> = {
  officer: [...SHARED, "narrative", "risk", "protectedContact"],
  issuer: [...SHARED, "narrative", "risk"],
  colleague: [],
  policeSupervisor: [...SHARED, "narrative", "risk", "protectedContact"],
  otherPoliceSupervisor: [],
  socialSupervisor: [],
  socialWorker: SHARED,
  otherSocialWorker: [],
  inspector: SHARED,
  pedagogue: [],
  provider: [],
  officerWithoutAgencyType: [],
  analyst: [],
  admin: [],
  auditor: [],
  adminAlsoOfficer: [],
};

const STATUSES = Object.keys(NONE) as OrderStatus[];

describe("protection order policy: persona × action × status", () => {
  for (const [name, persona] of Object.entries(PERSONAS) as [PersonaName, Actor][]) {
    for (const status of STATUSES) {
      for (const action of ORDER_ACTIONS) {
        const expected = ALLOWED[name][status].includes(action);
        test(`${name} ${expected ? "may" : "may not"} ${action} an ${status} order`, () => {
          expect(mayActOnOrder(persona, action, order(status))).toBe(expected);
        });
      }
    }
  }
});

describe("protection order fields", () => {
  for (const [name, persona] of Object.entries(PERSONAS) as [PersonaName, Actor][]) {
    test(`${name} sees ${FIELDS[name].join(", ") || "nothing"}`, () => {
      expect(visibleOrderFields(persona, order("active"))).toEqual(FIELDS[name]);
    });
  }

  test("the respondent's side of a record never shows the protected person's contact details", () => {
    for (const persona of Object.values(PERSONAS)) {
      expect(visibleOrderFields(persona, order("active"), "respondent")).not.toContain("protectedContact");
    }
    expect(visibleOrderFields(PERSONAS.officer, order("active"), "protected_person")).toContain("protectedContact");
  });

  test("child services see only orders that involve a child", () => {
    expect(visibleOrderFields(PERSONAS.inspector, order("active", false))).toEqual([]);
    expect(mayActOnOrder(PERSONAS.inspector, "read", order("active", false))).toBe(false);
    expect(mayActOnOrder(PERSONAS.socialWorker, "read", order("active", false))).toBe(true);
  });
});

describe("issuing and listing", () => {
  test("only police officers of a police department issue orders", () => {
    const issuers = (Object.entries(PERSONAS) as [PersonaName, Actor][]).filter(([, persona]) => mayIssueOrders(persona)).map(([name]) => name);
    expect(issuers).toEqual(["officer", "issuer", "colleague"]);
  });

  test("list scopes follow the relations; roles without case content list nothing", () => {
    expect(orderListWhere(PERSONAS.officer)).toEqual({ OR: [{ responsibleUserId: "officer" }, { issuingUserId: "officer" }] });
    expect(orderListWhere(PERSONAS.policeSupervisor)).toEqual({ OR: [{ territoryId: "D1" }] });
    expect(orderListWhere(PERSONAS.socialWorker)).toEqual({ OR: [{ territoryId: "D1" }] });
    expect(orderListWhere(PERSONAS.inspector)).toEqual({ OR: [{ territoryId: "D1", involvesChild: true }] });
    for (const name of ["socialSupervisor", "pedagogue", "provider", "analyst", "admin", "auditor", "adminAlsoOfficer"] as const) {
      expect(orderListWhere(PERSONAS[name])).toEqual({ id: { in: [] } });
    }
  });
});
