import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { assessRisk, extendOrder, issueOrder, recordCheck, recordViolation, revokeOrder, serveOrder } from "~/modules/protection-orders/order-commands.server";
import { ordersOfPerson, readOrder } from "~/modules/protection-orders/order-reads.server";
import { sweepOrders } from "~/modules/protection-orders/order-sweep.server";
import type { CheckInput, IssueOrderInput, RiskInput } from "~/modules/protection-orders/orders.schema";
import type { RiskAnswers } from "~/modules/protection-orders/risk-instrument";
import { closeDatabase, type Database } from "~/server/db.server";
import { RecordingNotifier, setExternalNotifier } from "~/server/notify/notifier.server";
import { ORDER_RISK_V1 } from "~seeds/data/order-risk-instrument";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { demoAgencyCode, instrumentVersionId, seedDemo } from "~seeds/demo";
import { buildUser, stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "orders-test").toString("base64");

const context = { requestId: "test-request", ip: "127.0.0.1" };
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const RISK = instrumentVersionId("order-risk", 1);
// A household of the demo orders (seeds/data/orders.ts), owned by the police department of Leninsky district.
const PROTECTED = stableId("person", "po-sultanbekova-kanykei");
const RESPONDENT = stableId("person", "po-sultanbekov-ermek");
const CHILDREN = [stableId("person", "po-sultanbekov-aibek"), stableId("person", "po-sultanbekova-aru")];
const OTHER_PROTECTED = stableId("person", "po-abdieva-meerim");
const OTHER_RESPONDENT = stableId("person", "po-abdiev-taalai");
const PROTECTED_PHONE = "+996 555 200 001";
const PROTECTED_ADDRESS = "Демо-Кольцевая";

// Plaintext written by the lifecycle test; the raw tables must never hold any of it.
const SECRET = {
  narrative: "Тестовый-рассказ: ответчик разбил окно и угрожал",
  serviceNote: "Тестовая-отметка: вручено у подъезда",
  otherCondition: "Тестовое-условие: не появляться у школы детей",
  judgementReason: "Тестовая-причина: дети видели угрозы",
  checkNote: "Тестовая-проверка: ответчик не приходил",
  protectedStatement: "Тестовое-заявление: мне спокойнее",
  violation: "Тестовое-нарушение: звонил ночью двадцать раз",
  decision: "Тестовое-решение суда № ТЕСТ-77",
  revocation: "Тестовая-отмена: стороны разъехались",
};

type User = Awaited<ReturnType<typeof asUser>>;

/** Answers to the whole checklist: "yes" to `yes`, "no" to the rest. */
const answers = (...yes: string[]): RiskAnswers => Object.fromEntries(ORDER_RISK_V1.items.map((item) => [item.code, yes.includes(item.code) ? "yes" : "no"]));
/** 6 non-critical yes answers: medium (thresholds medium 6, high 10). */
const MEDIUM = answers("escalation", "separation", "substance_use", "stalking", "coercive_control", "isolation");
const STANDARD = answers("isolation");
const HIGH = answers("threat_to_kill");

describe.each<Engine>(["postgres", "pglite"])("protection orders on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};
  const notifier = new RecordingNotifier();

  beforeAll(async () => {
    database = await useEngine(engine, inject("databaseUrl"));
    await truncateAll(database);
    await seedDemo(database.prisma);
    // A police officer of another district (Osh), for the out-of-scope reads.
    const osh = await buildUser({
      username: "officer-osh-test",
      displayName: "Тест Ошский",
      roles: ["police_officer"],
      agencyId: stableId("agency", demoAgencyCode("police_department", "osh")),
      password: DEMO_PASSWORD,
    });
    await database.prisma.user.create({ data: osh });
    for (const name of [
      "officer",
      "officer2",
      "supervisor-police",
      "socialworker",
      "socialworker2",
      "inspector",
      "inspector2",
      "pedagogue",
      "admin",
      "officer-osh-test",
    ]) {
      users[name] = await asUser(name);
    }
    setExternalNotifier(notifier);
  });

  afterAll(async () => {
    setExternalNotifier(undefined);
    if (engine === "pglite") await closeDatabase();
  });

  const issueInput = (overrides: Partial<IssueOrderInput> = {}): IssueOrderInput => ({
    protectedPersonId: PROTECTED,
    respondentPersonId: RESPONDENT,
    childIds: [...CHILDREN],
    reason: "physical",
    issuedAt: new Date(Date.now() - 2 * HOUR),
    days: 3,
    narrative: SECRET.narrative,
    cond_no_violence: true,
    cond_no_contact: true,
    cond_no_approach: true,
    cond_no_whereabouts: false,
    cond_attend_programme: false,
    cond_other: true,
    approachMetres: 150,
    otherCondition: SECRET.otherCondition,
    instrumentVersionId: RISK,
    riskAnswers: MEDIUM,
    judgementLevel: undefined,
    judgementReason: null,
    ...overrides,
  });
  const checkInput = (version: number, overrides: Partial<CheckInput> = {}): CheckInput => ({
    version,
    childIds: [],
    doneAt: new Date(Date.now() - 30 * 60 * 1000),
    method: "visit",
    outcome: "complied",
    note: SECRET.checkNote,
    protectedConfirmed: "yes",
    protectedStatement: SECRET.protectedStatement,
    instrumentVersionId: RISK,
    riskAnswers: MEDIUM,
    judgementLevel: undefined,
    judgementReason: null,
    ...overrides,
  });
  const riskInput = (version: number, overrides: Partial<RiskInput> = {}): RiskInput => ({
    version,
    childIds: [],
    instrumentVersionId: RISK,
    riskAnswers: MEDIUM,
    judgementLevel: undefined,
    judgementReason: null,
    ...overrides,
  });
  const orderRow = (id: string) => database.prisma.protectionOrder.findUniqueOrThrow({ where: { id } });
  const ok = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error(JSON.stringify(result));
  };
  const issue = async (overrides: Partial<IssueOrderInput> = {}) => {
    const result = await issueOrder({ user: users.officer, context, input: issueInput(overrides) });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  };

  let lifecycleOrder = "";

  test("lifecycle: issue → serve → two checks → violation → risk → extension → revocation, with next checks from the risk level and rule set", async () => {
    notifier.clear();
    const issuedAt = new Date(Date.now() - 2 * HOUR);
    const orderId = await issue({ issuedAt });
    lifecycleOrder = orderId;
    let order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "issued", riskLevel: "medium", involvesChild: true, version: 1, nextCheckDueAt: null, servedAt: null });
    expect(order.expiresAt.getTime()).toBe(issuedAt.getTime() + 3 * DAY);
    expect(order.ruleSetId).toBe(stableId("order-rule-set", "kg-2017-63"));
    const parties = await database.prisma.protectionOrderParty.findMany({ where: { orderId } });
    expect(parties.map((p) => p.role).sort()).toEqual(["child", "child", "protected_person", "respondent"]);
    expect(await database.prisma.chronologyEvent.count({ where: { recordId: orderId, kind: "protection_order.issued" } })).toBe(4);

    // Alerts: the district's social workers always; its juvenile inspectors because children are involved.
    const alerts = await database.prisma.orderAlert.findMany({ where: { orderId }, select: { recipientUserId: true, kind: true } });
    expect(
      alerts
        .filter((a) => a.kind === "order_issued")
        .map((a) => a.recipientUserId)
        .sort(),
    ).toEqual([users.socialworker.id, users.socialworker2.id].sort());
    expect(
      alerts
        .filter((a) => a.kind === "order_child")
        .map((a) => a.recipientUserId)
        .sort(),
    ).toEqual([users.inspector.id, users.inspector2.id].sort());
    // Notifications carry the recipient, kind and link only: no names, no narrative.
    expect(notifier.sent).toHaveLength(4);
    for (const sent of notifier.sent) {
      expect(Object.keys(sent).sort()).toEqual(["kind", "link", "to"]);
      expect(sent.link).toBe(`/orders/${orderId}`);
    }
    expect(JSON.stringify(notifier.sent)).not.toMatch(/Тест|Султанбек|Демо/);

    // Serve: not before the issue; a stale version changes nothing.
    const before = await serveOrder({
      user: users.officer,
      context,
      orderId,
      input: { version: 1, servedAt: new Date(issuedAt.getTime() - HOUR), serviceNote: null },
    });
    expect(before).toEqual({ ok: false, fieldErrors: { servedAt: "order.error.beforeIssue" } });
    const servedAt = new Date(issuedAt.getTime() + HOUR);
    const stale = await serveOrder({ user: users.officer, context, orderId, input: { version: 0, servedAt, serviceNote: SECRET.serviceNote } });
    expect(stale.ok).toBe(false);
    expect(stale.ok === false && stale.conflict?.version).toBe(1);
    order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "issued", servedAt: null, serviceNote: null, version: 1 });
    ok(await serveOrder({ user: users.officer, context, orderId, input: { version: 1, servedAt, serviceNote: SECRET.serviceNote } }));
    order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "served", version: 2, serviceNote: SECRET.serviceNote });
    // Medium risk: a check every 5 days from the service.
    expect(order.nextCheckDueAt?.getTime()).toBe(servedAt.getTime() + 5 * DAY);

    // Checks: the first keeps the level; the second finds a critical factor → high → every 3 days.
    const firstDone = new Date(Date.now() - 40 * 60 * 1000);
    ok(await recordCheck({ user: users.officer, context, orderId, input: checkInput(2, { doneAt: firstDone }) }));
    order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "active", riskLevel: "medium", version: 3 });
    expect(order.nextCheckDueAt?.getTime()).toBe(firstDone.getTime() + 5 * DAY);
    const staleCheck = await recordCheck({ user: users.officer, context, orderId, input: checkInput(2) });
    expect(staleCheck.ok === false && staleCheck.conflict?.version).toBe(3);
    expect(await database.prisma.complianceCheck.count({ where: { orderId, doneAt: { not: null } } })).toBe(1);
    const secondDone = new Date(Date.now() - 20 * 60 * 1000);
    ok(await recordCheck({ user: users.officer, context, orderId, input: checkInput(3, { doneAt: secondDone, riskAnswers: HIGH, outcome: "concern" }) }));
    order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "active", riskLevel: "high", version: 4 });
    expect(order.nextCheckDueAt?.getTime()).toBe(secondDone.getTime() + 3 * DAY);
    const checks = await database.prisma.complianceCheck.findMany({ where: { orderId } });
    expect(checks.filter((c) => c.doneAt)).toHaveLength(2);
    expect(checks.filter((c) => !c.doneAt).map((c) => c.plannedFor?.getTime())).toEqual([secondDone.getTime() + 3 * DAY]);
    for (const check of checks.filter((c) => c.doneAt)) expect(check.recordedAt).not.toBeNull();

    // Violation: the condition must be one of this order's; then the count, re-assessment task, repeat flag, supervisor alert.
    const otherOrder = await issue({ protectedPersonId: OTHER_PROTECTED, respondentPersonId: OTHER_RESPONDENT, childIds: [] });
    const foreignCondition = await database.prisma.protectionOrderCondition.findFirstOrThrow({ where: { orderId: otherOrder } });
    const violationInput = { version: 4, occurredAt: new Date(Date.now() - 10 * 60 * 1000), description: SECRET.violation, action: "warning" as const };
    expect(await recordViolation({ user: users.officer, context, orderId, input: { ...violationInput, conditionId: foreignCondition.id } })).toEqual({
      ok: false,
      fieldErrors: { conditionId: "order.error.condition" },
    });
    expect(await recordViolation({ user: users.officer, context, orderId, input: { ...violationInput, conditionId: stableId("nothing", "x") } })).toEqual({
      ok: false,
      fieldErrors: { conditionId: "order.error.condition" },
    });
    const noContact = await database.prisma.protectionOrderCondition.findFirstOrThrow({ where: { orderId, kind: "no_contact" } });
    notifier.clear();
    ok(await recordViolation({ user: users.officer, context, orderId, input: { ...violationInput, conditionId: noContact.id } }));
    order = await orderRow(orderId);
    expect(order).toMatchObject({ violationCount: 1, version: 5 });
    expect(order.reassessmentDueAt).not.toBeNull();
    expect(await database.prisma.personFlag.count({ where: { personId: RESPONDENT, kind: "repeat_violation", sourceRecordId: orderId } })).toBe(1);
    expect(await database.prisma.orderAlert.count({ where: { orderId, kind: "order_violation", recipientUserId: users["supervisor-police"].id } })).toBe(1);
    expect(notifier.sent).toEqual([{ to: users["supervisor-police"].id, kind: "order_violation", link: `/orders/${orderId}` }]);

    // Re-assessment: judgement may not lower the level; raising needs a reason; the task is cleared.
    expect(
      await assessRisk({
        user: users.officer,
        context,
        orderId,
        input: riskInput(5, { riskAnswers: HIGH, judgementLevel: "medium", judgementReason: "ниже" }),
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { judgementLevel: "order.error.judgementLower" },
    });
    expect(
      await assessRisk({
        user: users.officer,
        context,
        orderId,
        input: riskInput(5, { riskAnswers: STANDARD, judgementLevel: "high", judgementReason: null }),
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { judgementReason: "order.error.judgementReason" },
    });
    ok(
      await assessRisk({
        user: users.officer,
        context,
        orderId,
        input: riskInput(5, { riskAnswers: STANDARD, judgementLevel: "high", judgementReason: SECRET.judgementReason }),
      }),
    );
    order = await orderRow(orderId);
    expect(order).toMatchObject({ riskLevel: "high", reassessmentDueAt: null, version: 6 });
    const latest = await database.prisma.orderRiskAssessment.findFirstOrThrow({ where: { orderId }, orderBy: { assessedAt: "desc" } });
    expect(latest).toMatchObject({ trigger: "violation", computedLevel: "standard", finalLevel: "high", judgementReason: SECRET.judgementReason });
    // The planned check follows the level from the last check.
    expect(order.nextCheckDueAt?.getTime()).toBe(secondDone.getTime() + 3 * DAY);

    // Extension (the police supervisor): within the rule's 30 days in all, with a decision reference.
    const beyond = await extendOrder({
      user: users["supervisor-police"],
      context,
      orderId,
      input: { version: 6, newExpiresAt: new Date(issuedAt.getTime() + 31 * DAY), decisionReference: SECRET.decision },
    });
    expect(beyond).toEqual({ ok: false, fieldErrors: { newExpiresAt: "order.error.beyondLimit" } });
    const newExpiry = new Date(issuedAt.getTime() + 20 * DAY);
    ok(
      await extendOrder({
        user: users["supervisor-police"],
        context,
        orderId,
        input: { version: 6, newExpiresAt: newExpiry, decisionReference: SECRET.decision },
      }),
    );
    order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "extended", version: 7 });
    expect(order.expiresAt.getTime()).toBe(newExpiry.getTime());
    const extension = await database.prisma.orderExtension.findFirstOrThrow({ where: { orderId } });
    expect(extension.previousExpiresAt.getTime()).toBe(issuedAt.getTime() + 3 * DAY);
    expect(extension.decisionReference).toBe(SECRET.decision);

    // Reads per persona, before the revocation.
    const social = await readOrder({ user: users.socialworker, context }, orderId);
    expect(social.fields).not.toContain("narrative");
    expect(social.fields).not.toContain("risk");
    expect(social.fields).not.toContain("protectedContact");
    expect(social).toMatchObject({ narrative: null, risk: null, riskLevel: null, protectedContact: null, serviceNote: null, riskHistory: [] });
    expect(social.conditions.map((c) => c.kind).sort()).toEqual(["no_approach", "no_contact", "no_violence", "other"]);
    expect(social.checks.every((c) => c.note === null && c.protectedStatement === null)).toBe(true);
    expect(social.violations.every((v) => v.description === null)).toBe(true);
    expect(social.extensions.every((e) => e.decisionReference === null)).toBe(true);
    expect(JSON.stringify(social)).not.toContain(PROTECTED_PHONE);
    expect(JSON.stringify(social)).not.toContain(PROTECTED_ADDRESS);
    const supervisor = await readOrder({ user: users["supervisor-police"], context }, orderId);
    expect(supervisor.fields).toEqual(["parties", "conditions", "dates", "status", "checks", "violations", "narrative", "risk", "protectedContact"]);
    expect(supervisor).toMatchObject({ narrative: SECRET.narrative, serviceNote: SECRET.serviceNote, riskLevel: "high" });
    expect(supervisor.protectedContact?.phone).toBe(PROTECTED_PHONE);
    expect(supervisor.risk?.judgementReason).toBe(SECRET.judgementReason);
    expect(supervisor.violations[0].description).toBe(SECRET.violation);
    expect(supervisor.extensions[0].decisionReference).toBe(SECRET.decision);
    expect(supervisor.actions).toMatchObject({ extend: true, revoke: true, handOver: true, check: false });
    const inspector = await readOrder({ user: users.inspector, context }, orderId);
    expect(inspector).toMatchObject({ narrative: null, risk: null, protectedContact: null });

    // The respondent's side: the person page's list of orders never carries the protected person's contact.
    for (const user of [users["supervisor-police"], users.officer, users.socialworker]) {
      const rows = await ordersOfPerson({ user, context }, RESPONDENT);
      expect(rows.find((row) => row.id === orderId)).toMatchObject({ role: "respondent", repeat: true });
      const json = JSON.stringify(rows);
      expect(json).not.toContain(PROTECTED_PHONE);
      expect(json).not.toContain(PROTECTED_ADDRESS);
      expect(json).not.toContain(SECRET.narrative);
    }

    // Revocation: ends the order with its outcome, removes the planned check.
    const staleRevoke = await revokeOrder({ user: users["supervisor-police"], context, orderId, input: { version: 6, revocationReason: SECRET.revocation } });
    expect(staleRevoke.ok === false && staleRevoke.conflict?.version).toBe(7);
    ok(await revokeOrder({ user: users["supervisor-police"], context, orderId, input: { version: 7, revocationReason: SECRET.revocation } }));
    order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "revoked", outcome: "violated", nextCheckDueAt: null, revocationReason: SECRET.revocation, version: 8 });
    expect(await database.prisma.complianceCheck.count({ where: { orderId, doneAt: null } })).toBe(0);
    const ended = await readOrder({ user: users.officer, context }, orderId);
    expect(ended).toMatchObject({ status: "revoked", outcome: "violated", revocationReason: SECRET.revocation });
    for (const kind of ["served", "checked", "violation", "risk_assessed", "extended", "revoked"]) {
      expect(
        await database.prisma.chronologyEvent.count({ where: { recordId: orderId, kind: `protection_order.${kind}`, personId: PROTECTED } }),
        kind,
      ).toBeGreaterThan(0);
    }
  }, 120_000);

  test("field errors on issue: days outside the rule, lowering the level, raising without a reason, a child outside the household", async () => {
    const count = await database.prisma.protectionOrder.count();
    expect(await issueOrder({ user: users.officer, context, input: issueInput({ days: 5 }) })).toEqual({
      ok: false,
      fieldErrors: { days: "order.error.days" },
    });
    expect(await issueOrder({ user: users.officer, context, input: issueInput({ judgementLevel: "standard", judgementReason: "ниже" }) })).toEqual({
      ok: false,
      fieldErrors: { judgementLevel: "order.error.judgementLower" },
    });
    expect(await issueOrder({ user: users.officer, context, input: issueInput({ judgementLevel: "high", judgementReason: null }) })).toEqual({
      ok: false,
      fieldErrors: { judgementReason: "order.error.judgementReason" },
    });
    const missing = { ...MEDIUM };
    delete missing.weapon;
    expect(await issueOrder({ user: users.officer, context, input: issueInput({ riskAnswers: missing }) })).toEqual({
      ok: false,
      fieldErrors: { riskAnswers: "order.error.riskMissing" },
    });
    const notHousehold = await issueOrder({ user: users.officer, context, input: issueInput({ childIds: [stableId("person", "khegai-viktoriya")] }) });
    expect(notHousehold.ok).toBe(false);
    expect(await database.prisma.protectionOrder.count()).toBe(count);
  }, 60_000);

  test("out of scope: admin, another district's officer, a pedagogue get an audited 404", async () => {
    for (const name of ["admin", "officer-osh-test", "pedagogue", "officer2"]) {
      expect(await statusOf(() => readOrder({ user: users[name], context }, lifecycleOrder)), name).toBe(404);
      const denied = await database.prisma.auditEvent.findFirst({
        where: { action: "record.read_denied", recordId: lifecycleOrder, actorUserId: users[name].id, decision: "denied" },
      });
      expect(denied, name).not.toBeNull();
    }
    // Writes too: another district's officer cannot record on the order.
    expect(
      await statusOf(() => revokeOrder({ user: users["officer-osh-test"], context, orderId: lifecycleOrder, input: { version: 8, revocationReason: "x" } })),
    ).toBe(404);
    // None of them may issue an order.
    for (const name of ["admin", "pedagogue", "socialworker"]) {
      expect(await statusOf(() => issueOrder({ user: users[name], context, input: issueInput() })), name).toBe(404);
    }
  }, 60_000);

  test("raw database: narrative, notes, condition details, risk answers, statements, violation and decision reference hold ciphertext only", async () => {
    const raw = async (sql: string) => database.withConnection((connection) => connection.query<Record<string, string | null>>(sql, [lifecycleOrder]));
    const [incident] = await raw(`SELECT i.narrative FROM incident_account i JOIN protection_order o ON o.incident_account_id = i.id WHERE o.id = $1`);
    const [order] = await raw(`SELECT service_note, revocation_reason FROM protection_order WHERE id = $1`);
    const conditions = await raw(`SELECT details FROM protection_order_condition WHERE order_id = $1 AND details IS NOT NULL`);
    const risks = await raw(`SELECT answers, judgement_reason FROM order_risk_assessment WHERE order_id = $1`);
    const checks = await raw(`SELECT note, protected_statement FROM compliance_check WHERE order_id = $1 AND done_at IS NOT NULL`);
    const violations = await raw(`SELECT description FROM order_violation WHERE order_id = $1`);
    const extensions = await raw(`SELECT decision_reference FROM order_extension WHERE order_id = $1`);
    const values = [
      incident.narrative,
      order.service_note,
      order.revocation_reason,
      ...conditions.map((row) => row.details),
      ...risks.flatMap((row) => [row.answers, ...(row.judgement_reason ? [row.judgement_reason] : [])]),
      ...checks.flatMap((row) => [row.note, row.protected_statement]),
      ...violations.map((row) => row.description),
      ...extensions.map((row) => row.decision_reference),
    ];
    expect(conditions).toHaveLength(1);
    expect(risks.length).toBeGreaterThanOrEqual(4);
    expect(risks.some((row) => row.judgement_reason)).toBe(true);
    expect(checks).toHaveLength(2);
    expect(values).toHaveLength(3 + 1 + risks.length + 1 + 4 + 1 + 1);
    for (const value of values) expect(value).toMatch(/^kmk1\.[1-9][0-9]*\.[A-Za-z0-9_-]+$/);
    const dump = JSON.stringify([incident, order, conditions, risks, checks, violations, extensions]);
    for (const plaintext of [...Object.values(SECRET), "escalation", "threat_to_kill", '"yes"']) expect(dump).not.toContain(plaintext);
    // The demo seed's orders too: every encrypted column of the order tables holds ciphertext.
    for (const [table, column] of [
      ["incident_account", "narrative"],
      ["protection_order", "service_note"],
      ["protection_order", "revocation_reason"],
      ["protection_order_condition", "details"],
      ["order_risk_assessment", "answers"],
      ["compliance_check", "note"],
      ["compliance_check", "protected_statement"],
      ["order_violation", "description"],
      ["order_extension", "decision_reference"],
    ]) {
      const [{ total, ciphertext }] = await database.withConnection((connection) =>
        connection.query<{ total: string; ciphertext: string }>(
          `SELECT count(${column})::text AS total, count(*) FILTER (WHERE ${column} ~ '^kmk1\\.[1-9][0-9]*\\.[A-Za-z0-9_-]+$')::text AS ciphertext FROM ${table}`,
        ),
      );
      expect(Number(total), `${table}.${column}`).toBeGreaterThan(0);
      expect(ciphertext, `${table}.${column}`).toBe(total);
    }
  }, 60_000);

  test("sweep: expiry with outcome, overdue check escalated once, expiry reminder once, safe to run twice", async () => {
    const start = Date.now();
    const issuedAt = new Date(start - HOUR);
    const serve = async (orderId: string) =>
      ok(await serveOrder({ user: users.officer, context, orderId, input: { version: 1, servedAt: issuedAt, serviceNote: null } }));
    // A: standard, served, 3 days; B: high, served, extended to 20 days; C: never served.
    const a = await issue({ protectedPersonId: OTHER_PROTECTED, respondentPersonId: OTHER_RESPONDENT, childIds: [], riskAnswers: STANDARD, issuedAt });
    await serve(a);
    const b = await issue({ protectedPersonId: OTHER_PROTECTED, respondentPersonId: OTHER_RESPONDENT, childIds: [], riskAnswers: HIGH, issuedAt });
    await serve(b);
    ok(
      await extendOrder({
        user: users.officer,
        context,
        orderId: b,
        input: { version: 2, newExpiresAt: new Date(start + 20 * DAY), decisionReference: SECRET.decision },
      }),
    );
    const c = await issue({ protectedPersonId: OTHER_PROTECTED, respondentPersonId: OTHER_RESPONDENT, childIds: [], issuedAt });

    // 60 hours on: A expires within 48 h → one reminder to the responsible officer.
    notifier.clear();
    const soon = new Date(start + 60 * HOUR);
    const first = await sweepOrders({ now: soon, notifier });
    expect(first.expiryReminders).toBeGreaterThanOrEqual(1);
    expect((await orderRow(a)).expiryNoticeSentAt?.getTime()).toBe(soon.getTime());
    expect(await database.prisma.orderAlert.count({ where: { orderId: a, kind: "order_expiring", recipientUserId: users.officer.id } })).toBe(1);
    expect(notifier.sent.filter((n) => n.link === `/orders/${a}`)).toEqual([{ to: users.officer.id, kind: "order_expiring", link: `/orders/${a}` }]);
    expect(await sweepOrders({ now: soon, notifier })).toEqual({ expired: 0, checksEscalated: 0, expiryReminders: 0, alerts: 0, notifyFailed: 0 });
    expect(await database.prisma.orderAlert.count({ where: { orderId: a, kind: "order_expiring" } })).toBe(1);

    // Four days on: A and C have expired (kept / not served); B's check (due 3 days after service) is overdue.
    const later = new Date(start + 4 * DAY);
    const second = await sweepOrders({ now: later, notifier });
    expect(second.expired).toBeGreaterThanOrEqual(2);
    expect(second.checksEscalated).toBeGreaterThanOrEqual(1);
    expect(await orderRow(a)).toMatchObject({ status: "expired", outcome: "kept", nextCheckDueAt: null });
    expect(await orderRow(c)).toMatchObject({ status: "expired", outcome: "not_served" });
    expect((await orderRow(a)).endedAt?.getTime()).toBe(later.getTime());
    expect(await database.prisma.complianceCheck.count({ where: { orderId: a, doneAt: null } })).toBe(0);
    expect(await database.prisma.chronologyEvent.count({ where: { recordId: a, kind: "protection_order.expired" } })).toBe(2);
    const orderB = await orderRow(b);
    expect(orderB.status).toBe("extended");
    expect(orderB.checkEscalatedAt?.getTime()).toBe(later.getTime());
    const overdueAlerts = await database.prisma.orderAlert.findMany({ where: { orderId: b, kind: "order_check_overdue" }, select: { recipientUserId: true } });
    expect(overdueAlerts.map((row) => row.recipientUserId).sort()).toEqual([users.officer.id, users["supervisor-police"].id].sort());
    expect(await sweepOrders({ now: later, notifier })).toEqual({ expired: 0, checksEscalated: 0, expiryReminders: 0, alerts: 0, notifyFailed: 0 });
    expect(await database.prisma.orderAlert.count({ where: { orderId: b, kind: "order_check_overdue" } })).toBe(2);
    for (const sent of notifier.sent) expect(Object.keys(sent).sort()).toEqual(["kind", "link", "to"]);
  }, 120_000);
});
