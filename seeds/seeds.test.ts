import { describe, expect, test } from "vitest";
import { AgencyType, Role } from "~/generated/prisma/client.ts";
import { verifyPassword } from "~/server/auth/password.server";
import { base32Decode } from "~/server/auth/totp.server";
import { ROLES } from "~policies/roles";
import { AGENCY_NAMES, DEMO_DISTRICTS, DEMO_REGIONAL_AGENCIES } from "./data/agencies";
import { TERRITORIES, type TerritorySeed } from "./data/territories";
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_USERS } from "./data/users";
import { demoCaseloadRows } from "./caseload";
import { DEMO_PEOPLE } from "./data/people";
import { demoAgencyCode, demoPersonRows, seedDemo, type SeedClient } from "./demo";
import { buildAgency, buildUser, demoTotpSecret, stableId, territoryRows } from "./factories";
import { DEMO_ORDERS } from "./data/orders";
import { ORDER_RISK_INSTRUMENTS, ORDER_RISK_V1 } from "./data/order-risk-instrument";
import { INSTRUMENT_DEFINITIONS } from "./data/instruments";
import { ORDER_RULE_SETS } from "./data/order-rules";
import { demoOrderId, demoOrderRows } from "./orders";
import { scoreRisk } from "~/modules/protection-orders/risk-instrument";
import { EXPIRING_WITHIN_HOURS } from "~/modules/protection-orders/order-board.server";

const SEEDED_AT = new Date("2026-12-08T04:00:00.000Z");

function allTerritories(seeds: TerritorySeed[]): TerritorySeed[] {
  return seeds.flatMap((seed) => [seed, ...allTerritories(seed.children ?? [])]);
}

type Captured = {
  territories: unknown[];
  instruments: unknown[];
  agencies: Record<string, unknown>[];
  users: Record<string, unknown>[];
  people: Record<string, unknown>[];
};

/** A stand-in for the Prisma client that records what seedDemo would write. */
function fakePrisma(existingUsers = 0): { prisma: SeedClient; captured: Captured } {
  const captured: Captured = { territories: [], instruments: [], agencies: [], users: [], people: [] };
  const prisma = {
    territory: {
      createMany: async ({ data }: { data: unknown[] }) => {
        captured.territories.push(...data);
        return { count: data.length };
      },
    },
    instrumentVersion: {
      createMany: async ({ data }: { data: unknown[] }) => {
        captured.instruments.push(...data);
        return { count: data.length };
      },
    },
    orderRuleSet: {
      createMany: async ({ data }: { data: unknown[] }) => ({ count: data.length }),
    },
    user: {
      count: async () => existingUsers,
      createMany: ({ data }: { data: Record<string, unknown>[] }) => ({ kind: "users", data }),
    },
    agency: {
      createMany: ({ data }: { data: Record<string, unknown>[] }) => ({ kind: "agencies", data }),
    },
    person: {
      createMany: ({ data }: { data: Record<string, unknown>[] }) => ({ kind: "people", data }),
    },
    // The demo caseload (seeds/caseload.ts) and orders (seeds/orders.ts) are checked on their own below and in integration tests.
    ...Object.fromEntries(
      [
        "supportPlan",
        "supportPlanMember",
        "supportPlanGoal",
        "supportPlanReview",
        "chronologyEvent",
        // The demo protection orders (seeds/orders.ts), checked on their own below.
        "guardianship",
        "incidentAccount",
        "protectionOrder",
        "protectionOrderParty",
        "protectionOrderCondition",
        "orderRiskAssessment",
        "complianceCheck",
        "orderViolation",
        "orderExtension",
        "orderNotice",
        "orderAlert",
        "personFlag",
      ].map((model) => [model, { createMany: () => ({ kind: "caseload", data: [] }) }]),
    ),
    $transaction: async (operations: { kind: "users" | "agencies" | "people" | "caseload"; data: Record<string, unknown>[] }[]) => {
      for (const operation of operations) if (operation.kind !== "caseload") captured[operation.kind].push(...operation.data);
      return operations;
    },
  };
  return { prisma: prisma as unknown as SeedClient, captured };
}

describe("territories", () => {
  const all = allTerritories(TERRITORIES);

  test("exactly 9 top-level territories: 7 regions and the cities of Bishkek and Osh", () => {
    expect(TERRITORIES).toHaveLength(9);
    expect(TERRITORIES.filter((t) => t.kind === "region")).toHaveLength(7);
    expect(
      TERRITORIES.filter((t) => t.kind === "city_republican")
        .map((t) => t.code)
        .sort(),
    ).toEqual(["KG-GB", "KG-GO"]);
    expect(TERRITORIES.map((t) => t.code).sort()).toEqual(["KG-B", "KG-C", "KG-GB", "KG-GO", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y"]);
  });

  test("every region has at least 3 children", () => {
    const thin = TERRITORIES.filter((t) => t.kind === "region" && (t.children?.length ?? 0) < 3).map((t) => t.code);
    expect(thin).toEqual([]);
  });

  test("children are districts or cities, and only the top level is a region or republican city", () => {
    for (const top of TERRITORIES) {
      for (const child of allTerritories(top.children ?? [])) expect(["district", "city"]).toContain(child.kind);
    }
  });

  test("codes are unique and children's codes start with their parent's code", () => {
    const codes = all.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const top of TERRITORIES) for (const child of top.children ?? []) expect(child.code.startsWith(`${top.code}-`)).toBe(true);
  });

  test("every territory has a name in all three languages", () => {
    for (const t of all) {
      expect(t.nameRu.trim()).not.toBe("");
      expect(t.nameKy.trim()).not.toBe("");
      expect(t.nameEn.trim()).not.toBe("");
    }
  });

  test("territoryRows gives stable ids: the same output twice", () => {
    const first = territoryRows(TERRITORIES);
    expect(territoryRows(TERRITORIES)).toEqual(first);
    expect(first).toHaveLength(all.length);
    const ids = first.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of first) expect(row.id).toBe(stableId("territory", row.code));
  });

  test("territoryRows lists parents before children, with correct parent ids", () => {
    const rows = territoryRows(TERRITORIES);
    const seen = new Set<string>();
    const byCode = new Map(rows.map((row) => [row.code, row]));
    for (const row of rows) {
      if (row.parentId != null) expect(seen.has(row.parentId), `${row.code} comes before its parent`).toBe(true);
      seen.add(row.id!);
    }
    expect(
      rows
        .filter((row) => row.parentId == null)
        .map((row) => row.code)
        .sort(),
    ).toEqual(TERRITORIES.map((t) => t.code).sort());
    expect(byCode.get("KG-C-SOK")?.parentId).toBe(byCode.get("KG-C")?.id);
    expect(rows.every((row) => !("children" in row))).toBe(true);
  });

  test("stableId is UUID-shaped (version 4, RFC 4122 variant) and depends on namespace and key", () => {
    expect(stableId("territory", "KG-C")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId("territory", "KG-C")).toBe(stableId("territory", "KG-C"));
    expect(stableId("territory", "KG-C")).not.toBe(stableId("agency", "KG-C"));
    expect(stableId("territory", "KG-C")).not.toBe(stableId("territory", "KG-B"));
  });
});

describe("demo agencies", () => {
  const territoryIds = new Set(territoryRows(TERRITORIES).map((row) => row.id));
  const topLevelIds = new Set(TERRITORIES.map((t) => stableId("territory", t.code)));
  const districtAgencies = DEMO_DISTRICTS.flatMap((district) =>
    Object.values(AgencyType).map((type) => {
      const names = AGENCY_NAMES[type](district);
      return buildAgency({
        code: demoAgencyCode(type, district.key),
        type,
        territoryId: stableId("territory", district.code),
        nameRu: names.ru,
        nameKy: names.ky,
        nameEn: names.en,
      });
    }),
  );
  const regionalAgencies = DEMO_REGIONAL_AGENCIES.map((agency) =>
    buildAgency({
      code: demoAgencyCode(agency.type, agency.key),
      type: agency.type,
      territoryId: stableId("territory", agency.code),
      nameRu: agency.ru,
      nameKy: agency.ky,
      nameEn: agency.en,
    }),
  );
  const agencies = [...districtAgencies, ...regionalAgencies];

  test("regional agencies sit on a top-level territory with the demo districts under it (the supervisors' supervisor)", () => {
    const rows = territoryRows(TERRITORIES);
    for (const agency of regionalAgencies) {
      expect(topLevelIds.has(agency.territoryId), agency.code).toBe(true);
      expect(
        rows.some((row) => row.parentId === agency.territoryId && DEMO_DISTRICTS.some((d) => stableId("territory", d.code) === row.id)),
        agency.code,
      ).toBe(true);
    }
    const keys = new Set<string>([...DEMO_DISTRICTS.map((d) => d.key), ...DEMO_REGIONAL_AGENCIES.map((a) => a.key)]);
    for (const user of DEMO_STAFF) expect(keys.has(user.districtKey), user.username).toBe(true);
  });

  test("the demo districts are real, distinct, non-top-level territories", () => {
    const ids = DEMO_DISTRICTS.map((d) => stableId("territory", d.code));
    expect(new Set(ids).size).toBe(DEMO_DISTRICTS.length);
    for (const id of ids) {
      expect(territoryIds.has(id)).toBe(true);
      expect(topLevelIds.has(id)).toBe(false);
    }
    expect(new Set(DEMO_DISTRICTS.map((d) => d.key)).size).toBe(DEMO_DISTRICTS.length);
  });

  test("every AgencyType value appears in at least 3 distinct districts", () => {
    const types = Object.values(AgencyType);
    expect(types.length).toBeGreaterThanOrEqual(12);
    for (const type of types) {
      const districts = new Set(agencies.filter((a) => a.type === type).map((a) => a.territoryId));
      expect(districts.size, type).toBeGreaterThanOrEqual(3);
    }
  });

  test("every agency type has a name builder and a catalogue label", async () => {
    const { ru } = await import("~/i18n/catalogues/ru");
    expect(Object.keys(AGENCY_NAMES).sort()).toEqual(Object.values(AgencyType).sort());
    for (const type of Object.values(AgencyType)) expect(Object.keys(ru)).toContain(`agencyType.${type}`);
  });

  test("agency codes and ids are unique, names non-empty in all three languages", () => {
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length);
    for (const a of agencies) {
      expect(a.id).toBe(stableId("agency", a.code));
      for (const name of [a.nameRu, a.nameKy, a.nameEn]) expect(name.trim()).not.toBe("");
    }
  });

  test("seedDemo writes the same agencies (checked through a recording stand-in for Prisma)", async () => {
    const { prisma, captured } = fakePrisma();
    expect(await seedDemo(prisma)).toBe(true);
    expect(captured.territories).toEqual(territoryRows(TERRITORIES));
    expect(captured.agencies).toEqual(agencies);
    // Every demo user belongs to an agency that is actually created.
    const agencyIds = new Set(agencies.map((a) => a.id));
    expect(captured.users).toHaveLength(DEMO_USERS.length + DEMO_STAFF.length);
    for (const user of captured.users) expect(agencyIds.has(user.agencyId as string), String(user.username)).toBe(true);
  }, 30_000);

  test("seedDemo loads only reference data (territories, instruments) into a database that already has users", async () => {
    const { prisma, captured } = fakePrisma(1);
    expect(await seedDemo(prisma)).toBe(false);
    expect(captured.territories.length).toBeGreaterThan(0);
    // Screening instruments and the order risk checklist versions.
    expect(captured.instruments).toHaveLength(INSTRUMENT_DEFINITIONS.length + ORDER_RISK_INSTRUMENTS.length);
    expect(captured.agencies).toEqual([]);
    expect(captured.users).toEqual([]);
    expect(captured.people).toEqual([]);
  });
});

describe("demo people", () => {
  const rows = demoPersonRows();
  const agencyIds = new Set(
    DEMO_DISTRICTS.flatMap((district) => Object.values(AgencyType).map((type) => stableId("agency", demoAgencyCode(type, district.key)))),
  );

  test("about a dozen synthetic people in all three demo districts, owned by demo agencies", () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) expect(agencyIds.has(row.ownerAgencyId), String(row.id)).toBe(true);
    const districts = new Set(rows.map((row) => row.territoryId));
    expect(districts).toEqual(new Set(DEMO_DISTRICTS.map((district) => stableId("territory", district.code))));
  });

  test("stable, unique ids; creators are demo users; birth year matches the birth date", () => {
    expect(demoPersonRows()).toEqual(rows);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    const users = new Set(DEMO_USERS.map((user) => stableId("user", user.username)));
    for (const [index, row] of rows.entries()) {
      expect(row.id).toBe(stableId("person", DEMO_PEOPLE[index].key));
      expect(users.has(row.createdById), row.id).toBe(true);
      expect(row.birthYear).toBe(Number(row.birthDate!.slice(0, 4)));
      expect(row.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test("PINs are 14 digits, carry the sex digit and birth date, and use the synthetic 999 range", () => {
    for (const row of rows.filter((row) => row.pin)) {
      expect(row.pin).toMatch(/^[12]\d{8}999\d{2}$/);
      expect(row.pin![0]).toBe(row.sex === "female" ? "1" : "2");
      const [year, month, day] = row.birthDate!.split("-");
      expect(row.pin!.slice(1, 9)).toBe(`${day}${month}${year}`);
    }
    const pins = rows.flatMap((row) => (row.pin ? [row.pin] : []));
    expect(new Set(pins).size).toBe(pins.length);
  });

  test("seedDemo writes exactly these people: the demo people and caseload with agencies and users, then the order parties", async () => {
    const { prisma, captured } = fakePrisma();
    await seedDemo(prisma, { now: SEEDED_AT });
    expect(captured.people).toEqual([...rows, ...demoCaseloadRows().people, ...demoOrderRows(SEEDED_AT).people]);
  }, 30_000);
});

describe("demo users", () => {
  test("ROLES in policies matches the Role enum of the schema", () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
  });

  test("DEMO_USERS cover every role", () => {
    const covered = new Set(DEMO_USERS.map((u) => u.role));
    expect(ROLES.filter((role) => !covered.has(role))).toEqual([]);
  });

  test("usernames are unique; the demo districts they name exist", () => {
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(DEMO_USERS.length);
    const keys = new Set<string>(DEMO_DISTRICTS.map((d) => d.key));
    for (const user of DEMO_USERS) expect(keys.has(user.districtKey), user.username).toBe(true);
  });

  test("the demo password is 12–128 characters (ASVS 6.2)", () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_PASSWORD.length).toBeLessThanOrEqual(128);
  });

  const input = {
    username: "pedagogue",
    displayName: "Айгуль Осмонова",
    roles: ["social_pedagogue" as const],
    agencyId: stableId("agency", "bishkek-len-school"),
    password: DEMO_PASSWORD,
  };

  test("buildUser is deterministic: same input, identical output including passwordHash", async () => {
    const first = await buildUser(input);
    const second = await buildUser({ ...input });
    expect(second).toEqual(first);
    expect(first.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first.id).toBe(stableId("user", "pedagogue"));
  });

  test("buildUser's hash verifies with the demo password and differs per user (per-user salt)", async () => {
    const pedagogue = await buildUser(input);
    const other = await buildUser({ ...input, username: "psychologist" });
    expect(await verifyPassword(pedagogue.passwordHash, DEMO_PASSWORD)).toEqual({ ok: true, needsRehash: false });
    expect(other.passwordHash).not.toBe(pedagogue.passwordHash);
    expect(other.totpSecret).not.toBe(pedagogue.totpSecret);
  });

  test("enrolled users get a stable 160-bit TOTP secret; enrolled:false gets none", async () => {
    const enrolled = await buildUser(input);
    expect(enrolled.totpSecret).toBe(demoTotpSecret("pedagogue"));
    expect(base32Decode(enrolled.totpSecret!)).toHaveLength(20);
    expect((await buildUser({ ...input, enrolled: false })).totpSecret).toBeNull();
  });
});

describe("demo caseload", () => {
  const rows = demoCaseloadRows();

  test("about 60 children with plans in every state, deterministic", () => {
    expect(demoCaseloadRows()).toEqual(rows);
    expect(rows.people).toHaveLength(60);
    expect(rows.plans).toHaveLength(60);
    expect(new Set(rows.plans.map((plan) => plan.status))).toEqual(new Set(["draft", "active", "closure_requested", "closed"]));
    expect(rows.plans.some((plan) => plan.isProposal)).toBe(true);
    expect(new Set(rows.goals.map((goal) => goal.status))).toEqual(new Set(["planned", "in_progress", "done", "not_done"]));
    expect(new Set(rows.reviews.map((review) => review.riskRating))).toEqual(new Set(["low", "medium", "high"]));
    expect(new Set(rows.plans.map((plan) => plan.territoryId)).size).toBe(3);
  });

  test("a plan closed as rehabilitated has every goal assessed; PINs are synthetic and unique", () => {
    for (const plan of rows.plans.filter((plan) => plan.closureReason === "rehabilitated")) {
      for (const goal of rows.goals.filter((goal) => goal.planId === plan.id)) expect(["done", "not_done"]).toContain(goal.status);
    }
    const pins = [...rows.people.map((person) => person.pin), ...demoPersonRows().map((person) => person.pin)].filter(Boolean);
    expect(new Set(pins).size).toBe(pins.length);
    for (const person of rows.people) expect(person.pin).toMatch(/^[12]\d{8}999\d{2}$/);
  });

  test("teams span agencies; staff names never equal a child's name", () => {
    const agencies = new Set(rows.members.map((member) => member.agencyId));
    expect(agencies.size).toBeGreaterThanOrEqual(6);
    const staff = new Set([...DEMO_USERS, ...DEMO_STAFF].map((user) => user.displayName));
    for (const person of rows.people) expect(staff.has(`${person.givenName} ${person.surname}`)).toBe(false);
  });
});

describe("demo protection orders", () => {
  const rows = demoOrderRows(SEEDED_AT);
  const now = SEEDED_AT.getTime();
  const HOUR = 60 * 60 * 1000;
  const order = (key: string) => rows.orders.find((row) => row.id === demoOrderId(key))!;
  const inForce = (row: (typeof rows.orders)[number]) => ["served", "active", "extended"].includes(row.status!);

  test("deterministic for one seeding time; dated from it", () => {
    expect(demoOrderRows(SEEDED_AT)).toEqual(rows);
    const later = demoOrderRows(new Date(now + 5 * HOUR));
    expect(later.orders.map((row) => row.id)).toEqual(rows.orders.map((row) => row.id));
    expect((later.orders[0].issuedAt as Date).getTime() - (rows.orders[0].issuedAt as Date).getTime()).toBe(5 * HOUR);
  });

  test("an order in every state, for the demo officer in Leninsky district", () => {
    expect(new Set(rows.orders.map((row) => row.status))).toEqual(new Set(["issued", "served", "active", "extended", "expired", "revoked"]));
    expect(new Set(rows.orders.filter((row) => row.status === "expired").map((row) => row.outcome))).toEqual(new Set(["kept", "violated"]));
    for (const row of rows.orders) {
      expect(row.issuingUserId).toBe(stableId("user", "officer"));
      expect(row.territoryId).toBe(stableId("territory", "KG-GB-LEN"));
      expect(row.issuingAgencyId).toBe(stableId("agency", demoAgencyCode("police_department", "bishkek-len")));
    }
    const overdue = rows.orders.filter((row) => inForce(row) && row.nextCheckDueAt && (row.nextCheckDueAt as Date).getTime() < now);
    expect(overdue.map((row) => row.id)).toEqual([demoOrderId("check-overdue")]);
    const expiring = rows.orders.filter((row) => inForce(row) && (row.expiresAt as Date).getTime() - now <= EXPIRING_WITHIN_HOURS * HOUR);
    expect(expiring.map((row) => row.id)).toEqual([demoOrderId("expiring-soon")]);
    const weekAgo = now - 7 * 24 * HOUR;
    const thisWeek = rows.violations.filter((row) => (row.occurredAt as Date).getTime() >= weekAgo);
    expect(thisWeek.map((row) => row.orderId)).toEqual([demoOrderId("violation-this-week")]);
    expect(order("violation-this-week").reassessmentDueAt).toBeInstanceOf(Date);
    expect(rows.conditions.some((row) => row.kind === "attend_programme" && row.orderId === demoOrderId("extended-programme"))).toBe(true);
    expect(order("served-child").involvesChild).toBe(true);
    expect(rows.parties.filter((row) => row.role === "child")).toHaveLength(2);
  });

  test("rules and risk: lengths, extensions within the total, next check from the level, levels computed by scoreRisk", () => {
    const rule = ORDER_RULE_SETS[0];
    const days = { standard: rule.checkEveryDays.standard, medium: rule.checkEveryDays.medium, high: rule.checkEveryDays.high };
    for (const row of rows.orders) {
      const issued = (row.issuedAt as Date).getTime();
      expect((row.expiresAt as Date).getTime() - issued).toBeLessThanOrEqual(rule.maxTotalDays * 24 * HOUR);
      const extension = rows.extensions.find((e) => e.orderId === row.id);
      if (!extension) expect((row.expiresAt as Date).getTime() - issued).toBe(rule.defaultDays * 24 * HOUR);
      if (inForce(row)) {
        const done = rows.checks.filter((c) => c.orderId === row.id && c.doneAt).map((c) => (c.doneAt as Date).getTime());
        const since = done.length > 0 ? Math.max(...done) : (row.servedAt as Date).getTime();
        expect((row.nextCheckDueAt as Date).getTime()).toBe(since + days[row.riskLevel!] * 24 * HOUR);
        expect(rows.checks.filter((c) => c.orderId === row.id && !c.doneAt)).toHaveLength(1);
      } else expect(row.nextCheckDueAt ?? null).toBeNull();
    }
    for (const assessment of rows.assessments) {
      expect(assessment.computedLevel).toBe(scoreRisk(ORDER_RISK_V1, JSON.parse(assessment.answers)).level);
      expect(Object.keys(JSON.parse(assessment.answers))).toHaveLength(ORDER_RISK_V1.items.length);
    }
    expect(new Set(rows.assessments.map((a) => a.finalLevel))).toEqual(new Set(["standard", "medium", "high"]));
    expect(rows.assessments.some((a) => a.judgementReason && a.finalLevel !== a.computedLevel)).toBe(true);
    for (const row of rows.orders) expect(rows.assessments.some((a) => a.orderId === row.id && a.trigger === "issue")).toBe(true);
  });

  test("alerts for the district's social services on every order, juvenile inspectors for the child; chronology for every party", () => {
    const socialworker = stableId("user", "socialworker");
    for (const row of rows.orders)
      expect(rows.alerts.some((a) => a.orderId === row.id && a.recipientUserId === socialworker && a.kind === "order_issued")).toBe(true);
    expect(rows.alerts.filter((a) => a.kind === "order_child").map((a) => a.recipientUserId)).toContain(stableId("user", "inspector"));
    for (const party of rows.parties) {
      expect(rows.chronology.some((e) => e.personId === party.personId && e.recordId === party.orderId && e.kind === "protection_order.issued")).toBe(true);
    }
    expect(rows.flags.map((f) => f.personId)).toContain(stableId("person", "po-omurov-zhyrgal"));
    expect(DEMO_ORDERS.length).toBe(rows.orders.length);
  });

  test("people: synthetic PINs unique across every seed, household children linked, names never a staff name, ids unique", () => {
    for (const person of rows.people.filter((p) => p.pin)) {
      expect(person.pin).toMatch(/^[12]\d{8}999\d{2}$/);
      expect(person.pin![0]).toBe(person.sex === "female" ? "1" : "2");
      const [year, month, day] = person.birthDate!.split("-");
      expect(person.pin!.slice(1, 9)).toBe(`${day}${month}${year}`);
    }
    const pins = [...rows.people, ...demoCaseloadRows().people, ...demoPersonRows()].flatMap((p) => (p.pin ? [p.pin] : []));
    expect(new Set(pins).size).toBe(pins.length);
    // Staff names are in the clear in dumps, where tests look for people's names: no shared word.
    const staffWords = new Set([...DEMO_USERS, ...DEMO_STAFF].flatMap((user) => user.displayName.split(/\s+/)));
    for (const person of rows.people) {
      for (const word of [person.surname, person.givenName, person.patronymic]) expect(staffWords.has(word ?? ""), String(word)).toBe(false);
    }
    const childIds = rows.parties.filter((p) => p.role === "child").map((p) => p.personId);
    for (const childId of childIds) expect(rows.guardianships.some((g) => g.childId === childId)).toBe(true);
    for (const list of Object.values(rows)) {
      const ids = (list as { id?: string }[]).map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
