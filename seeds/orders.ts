import type { Prisma } from "~/generated/prisma/client.ts";
import { expiryFor, nextCheckDue } from "~/modules/protection-orders/order-rules";
import { orderOutcome, type OrderOutcome } from "~/modules/protection-orders/order-status";
import { finalRiskLevel, scoreRisk, type RiskAnswers, type RiskLevel } from "~/modules/protection-orders/risk-instrument";
import type { OrderStatus } from "~policies/protection-order.policy";
import { DEMO_DISTRICTS } from "./data/agencies";
import { DEMO_ORDER_GUARDIANSHIPS, DEMO_ORDER_PEOPLE, DEMO_ORDERS, type DemoOrder } from "./data/orders";
import { ORDER_RISK_V1 } from "./data/order-risk-instrument";
import { ORDER_RULE_SETS } from "./data/order-rules";
import type { SeedClient } from "./demo";
import { stableId } from "./factories";

/**
 * The demo protection orders (seeds/data/orders.ts) as rows: people, households, the incident
 * accounts, orders with parties and conditions, risk assessments scored with the real checklist
 * (ORDER_RISK_V1, scoreRisk), checks done and planned, violations, extensions, notices, alerts,
 * repeat flags and chronology. Derived exactly as the commands would have written them (next
 * check from the risk level and the rule set, outcome on closure), with ids from stableId and
 * times relative to `now` — the seeding time — so the board always has something in each list.
 * Plaintext rows: the encrypting client (SeedClient) encrypts on insert.
 */

const HOUR = 60 * 60 * 1000;
const OFFICER = "officer";
const DISTRICT = DEMO_DISTRICTS.find((district) => district.key === "bishkek-len")!;
const POLICE_AGENCY = stableId("agency", "bishkek-len-police-department");
const TERRITORY = stableId("territory", DISTRICT.code);
const RULE = ORDER_RULE_SETS[0];
const RULE_SET_ID = stableId("order-rule-set", RULE.code);
const RISK_VERSION_ID = stableId("instrument", `${ORDER_RISK_V1.instrument}:v${ORDER_RISK_V1.version}`);
/** Who the alerts go to (as alertNewOrder / alertPoliceSupervisors would pick them in Leninsky district). */
const SOCIAL_WORKERS = ["socialworker", "socialworker2"];
const JUVENILE_INSPECTORS = ["inspector", "inspector2"];
const POLICE_SUPERVISORS = ["supervisor-police"];

const userId = (username: string) => stableId("user", username);
export const demoOrderId = (key: string) => stableId("protection-order", key);
export const demoOrderPersonId = (key: string) => stableId("person", key);

export type OrderRows = {
  people: Prisma.PersonCreateManyInput[];
  guardianships: Prisma.GuardianshipCreateManyInput[];
  incidents: Prisma.IncidentAccountCreateManyInput[];
  orders: Prisma.ProtectionOrderCreateManyInput[];
  parties: Prisma.ProtectionOrderPartyCreateManyInput[];
  conditions: Prisma.ProtectionOrderConditionCreateManyInput[];
  assessments: Prisma.OrderRiskAssessmentCreateManyInput[];
  checks: Prisma.ComplianceCheckCreateManyInput[];
  violations: Prisma.OrderViolationCreateManyInput[];
  extensions: Prisma.OrderExtensionCreateManyInput[];
  notices: Prisma.OrderNoticeCreateManyInput[];
  alerts: Prisma.OrderAlertCreateManyInput[];
  flags: Prisma.PersonFlagCreateManyInput[];
  chronology: Prisma.ChronologyEventCreateManyInput[];
};

function riskOf(order: DemoOrder): { answers: RiskAnswers; computed: RiskLevel; final: RiskLevel; reason: string | null } {
  const answers: RiskAnswers = Object.fromEntries(
    ORDER_RISK_V1.items.map((item) => [item.code, order.riskYes.includes(item.code) ? "yes" : order.riskUnknown?.includes(item.code) ? "unknown" : "no"]),
  );
  const computed = scoreRisk(ORDER_RISK_V1, answers).level;
  const final = finalRiskLevel(computed, order.judgement ?? null);
  if (!final.ok) throw new Error(`demo order ${order.key}: ${final.error}`);
  return { answers, computed, final: final.level, reason: final.raised ? order.judgement!.reason : null };
}

/** Every row of the demo orders for a seeding at `now`. */
export function demoOrderRows(now: Date): OrderRows {
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
  const rows: OrderRows = {
    people: [],
    guardianships: [],
    incidents: [],
    orders: [],
    parties: [],
    conditions: [],
    assessments: [],
    checks: [],
    violations: [],
    extensions: [],
    notices: [],
    alerts: [],
    flags: [],
    chronology: [],
  };
  const event = (personId: string, recordType: string, recordId: string, kind: string, author: string, occurredAt: Date) =>
    rows.chronology.push({
      id: stableId("order-chronology", `${recordId}:${personId}:${kind}:${rows.chronology.length}`),
      personId,
      recordType,
      recordId,
      kind,
      occurredAt,
      agencyId: POLICE_AGENCY,
      authorUserId: userId(author),
    });
  const alert = (orderId: string, kind: string, recipients: string[], createdAt: Date) => {
    for (const recipient of recipients) {
      rows.alerts.push({
        id: stableId("order-alert", `${orderId}:${kind}:${recipient}:${createdAt.getTime() - now.getTime()}`),
        orderId,
        recipientUserId: userId(recipient),
        kind,
        createdAt,
        // Alerts older than two days have been opened.
        readAt: now.getTime() - createdAt.getTime() > 48 * HOUR ? new Date(createdAt.getTime() + 2 * HOUR) : null,
      });
    }
  };

  // People: first seen when their first order was issued.
  const firstSeen = new Map<string, number>();
  for (const order of DEMO_ORDERS) {
    for (const key of [order.protected, order.respondent, ...(order.children ?? [])]) {
      firstSeen.set(key, Math.min(firstSeen.get(key) ?? 0, order.issuedAtHours - 1));
    }
  }
  for (const person of DEMO_ORDER_PEOPLE) {
    const id = demoOrderPersonId(person.key);
    const createdAt = at(firstSeen.get(person.key) ?? -24);
    rows.people.push({
      id,
      surname: person.surname,
      givenName: person.givenName,
      patronymic: person.patronymic,
      pin: person.pin,
      birthDate: person.birthDate,
      address: person.address,
      phone: person.phone,
      notes: null,
      sex: person.sex,
      birthYear: Number(person.birthDate.slice(0, 4)),
      territoryId: TERRITORY,
      ownerAgencyId: POLICE_AGENCY,
      createdById: userId(OFFICER),
      createdAt,
    });
    event(id, "person", id, "person.created", OFFICER, createdAt);
  }
  for (const link of DEMO_ORDER_GUARDIANSHIPS) {
    rows.guardianships.push({
      id: stableId("guardianship", `${link.child}:${link.guardian}`),
      childId: demoOrderPersonId(link.child),
      guardianId: demoOrderPersonId(link.guardian),
      relation: link.relation,
      createdAt: at(firstSeen.get(link.child) ?? -24),
    });
  }

  for (const order of DEMO_ORDERS) {
    const id = demoOrderId(order.key);
    const issuedAt = at(order.issuedAtHours);
    const servedAt = order.servedAtHours === undefined ? null : at(order.servedAtHours);
    const firstExpiry = expiryFor(RULE, issuedAt);
    if (!firstExpiry) throw new Error(`demo order ${order.key}: the rule set refuses its length`);
    const expiresAt = order.extension ? at(order.extension.newExpiresAtHours) : firstExpiry;
    const risk = riskOf(order);
    const partyKeys: [string, "protected_person" | "respondent" | "child"][] = [
      [order.protected, "protected_person"],
      [order.respondent, "respondent"],
      ...(order.children ?? []).map((key) => [key, "child"] as [string, "child"]),
    ];
    const partyIds = partyKeys.map(([key]) => demoOrderPersonId(key));
    const chronicle = (kind: string, when: Date, author = OFFICER) => {
      for (const personId of partyIds) event(personId, "protection_order", id, `protection_order.${kind}`, author, when);
    };
    let version = 1;

    const incidentId = stableId("incident-account", order.key);
    rows.incidents.push({
      id: incidentId,
      personId: demoOrderPersonId(order.protected),
      narrative: order.narrative,
      recordedById: userId(OFFICER),
      agencyId: POLICE_AGENCY,
      recordedAt: issuedAt,
    });
    partyKeys.forEach(([key, role]) =>
      rows.parties.push({ id: stableId("order-party", `${order.key}:${key}`), orderId: id, personId: demoOrderPersonId(key), role }),
    );
    const conditionIds = new Map<string, string>();
    for (const condition of order.conditions) {
      const conditionId = stableId("order-condition", `${order.key}:${condition.kind}`);
      conditionIds.set(condition.kind, conditionId);
      rows.conditions.push({
        id: conditionId,
        orderId: id,
        kind: condition.kind,
        distanceMetres: condition.distanceMetres ?? null,
        details: condition.details ?? null,
      });
    }
    const assess = (trigger: string, assessedAt: Date) =>
      rows.assessments.push({
        id: stableId("order-risk", `${order.key}:${trigger}:${assessedAt.getTime() - now.getTime()}`),
        orderId: id,
        instrumentVersionId: RISK_VERSION_ID,
        trigger,
        answers: JSON.stringify(risk.answers),
        computedLevel: risk.computed,
        finalLevel: risk.final,
        judgementReason: risk.reason,
        assessedById: userId(OFFICER),
        assessedAt,
      });
    assess("issue", issuedAt);
    chronicle("issued", issuedAt);
    alert(id, "order_issued", SOCIAL_WORKERS, issuedAt);
    if (order.children?.length) alert(id, "order_child", JUVENILE_INSPECTORS, issuedAt);

    // Served, then checks: each done check took the planned one; the next is planned from it.
    let planned: Date | null = null;
    if (servedAt) {
      version += 1;
      chronicle("served", servedAt);
      planned = nextCheckDue(RULE, risk.final, servedAt);
    }
    (order.checks ?? []).forEach((check, index) => {
      const doneAt = at(check.doneAtHours);
      const recordedAt = new Date(doneAt.getTime() + (check.recordedAfterHours ?? 1) * HOUR);
      rows.checks.push({
        id: stableId("order-check", `${order.key}:${index}`),
        orderId: id,
        plannedFor: planned,
        doneAt,
        recordedAt,
        method: check.method,
        outcome: check.outcome,
        note: check.note,
        doneById: userId(OFFICER),
        protectedConfirmed: check.protectedConfirmed,
        protectedStatement: check.protectedStatement,
      });
      assess("check", recordedAt);
      chronicle("checked", doneAt);
      planned = nextCheckDue(RULE, risk.final, doneAt);
      version += 1;
    });

    let lastViolationAt: Date | null = null;
    let reassessmentDueAt: Date | null = null;
    (order.violations ?? []).forEach((violation, index) => {
      const occurredAt = at(violation.occurredAtHours);
      const recordedAt = new Date(occurredAt.getTime() + 2 * HOUR);
      rows.violations.push({
        id: stableId("order-violation", `${order.key}:${index}`),
        orderId: id,
        conditionId: conditionIds.get(violation.condition) ?? null,
        conditionKind: violation.condition,
        occurredAt,
        recordedAt,
        description: violation.description,
        action: violation.action,
        recordedById: userId(OFFICER),
      });
      rows.flags.push({
        id: stableId("person-flag", `${order.key}:${order.respondent}`),
        personId: demoOrderPersonId(order.respondent),
        kind: "repeat_violation",
        sourceRecordType: "protection_order",
        sourceRecordId: id,
        setAt: recordedAt,
      });
      chronicle("violation", occurredAt);
      alert(id, "order_violation", POLICE_SUPERVISORS, recordedAt);
      lastViolationAt = occurredAt;
      version += 1;
      const reassessedAt = new Date(recordedAt.getTime() + 20 * HOUR);
      if (order.reassessmentPending) reassessmentDueAt = new Date(recordedAt.getTime() + 24 * HOUR);
      else {
        assess("violation", reassessedAt);
        chronicle("risk_assessed", reassessedAt);
        version += 1;
      }
    });

    if (order.extension) {
      const decidedAt = at(order.extension.decidedAtHours);
      rows.extensions.push({
        id: stableId("order-extension", order.key),
        orderId: id,
        previousExpiresAt: firstExpiry,
        newExpiresAt: expiresAt,
        decisionReference: order.extension.decisionReference,
        decidedById: userId(OFFICER),
        decidedAt,
      });
      chronicle("extended", decidedAt);
      version += 1;
    }
    for (const [index, notice] of (order.notices ?? []).entries()) {
      rows.notices.push({
        id: stableId("order-notice", `${order.key}:${index}`),
        orderId: id,
        kind: notice.kind,
        method: notice.method,
        toldById: userId(OFFICER),
        toldAt: at(notice.toldAtHours),
      });
      version += 1;
    }

    // The end (sweep expiry or revocation), or the open planned check of an order in force.
    const violationCount = order.violations?.length ?? 0;
    let status: OrderStatus = order.extension ? "extended" : order.checks?.length ? "active" : servedAt ? "served" : "issued";
    let endedAt: Date | null = null;
    let outcome: OrderOutcome | null = null;
    let revokedAt: Date | null = null;
    if (order.end) {
      status = order.end.kind;
      endedAt = order.end.kind === "revoked" ? at(order.end.revokedAtHours) : expiresAt;
      revokedAt = order.end.kind === "revoked" ? endedAt : null;
      outcome = orderOutcome({ servedAt, violationCount });
      chronicle(order.end.kind, endedAt);
      version += 1;
      planned = null;
    } else if (planned) {
      rows.checks.push({ id: stableId("order-check", `${order.key}:planned`), orderId: id, plannedFor: planned });
    }
    // What the sweep would already have done by now: escalate an overdue check once, remind before expiry once.
    const checkEscalatedAt = planned && planned < now ? new Date(planned.getTime() + HOUR) : null;
    if (checkEscalatedAt) alert(id, "order_check_overdue", [...POLICE_SUPERVISORS, OFFICER], checkEscalatedAt);
    const noticeFrom = new Date(expiresAt.getTime() - RULE.expiryNoticeHours * HOUR);
    const remindedAt = servedAt && noticeFrom < (endedAt ?? now) && (!revokedAt || revokedAt > noticeFrom) ? noticeFrom : null;
    if (remindedAt) alert(id, "order_expiring", [OFFICER], remindedAt);

    rows.orders.push({
      id,
      status,
      reason: order.reason,
      issuingUserId: userId(OFFICER),
      issuingAgencyId: POLICE_AGENCY,
      responsibleUserId: userId(OFFICER),
      territoryId: TERRITORY,
      ruleSetId: RULE_SET_ID,
      incidentAccountId: incidentId,
      involvesChild: (order.children?.length ?? 0) > 0,
      issuedAt,
      servedAt,
      serviceNote: order.serviceNote ?? null,
      expiresAt,
      riskLevel: risk.final,
      nextCheckDueAt: planned,
      violationCount,
      lastViolationAt,
      reassessmentDueAt,
      revokedAt,
      revocationReason: order.end?.kind === "revoked" ? order.end.reason : null,
      endedAt,
      outcome,
      expiryNoticeSentAt: remindedAt,
      checkEscalatedAt,
      createdAt: issuedAt,
      version,
    });
  }
  return rows;
}

/** Inserts the demo orders in one batch transaction through the encrypting client. */
export async function seedDemoOrders(prisma: SeedClient, now: Date): Promise<void> {
  const rows = demoOrderRows(now);
  await prisma.$transaction([
    prisma.person.createMany({ data: rows.people }),
    prisma.guardianship.createMany({ data: rows.guardianships }),
    prisma.incidentAccount.createMany({ data: rows.incidents }),
    prisma.protectionOrder.createMany({ data: rows.orders }),
    prisma.protectionOrderParty.createMany({ data: rows.parties }),
    prisma.protectionOrderCondition.createMany({ data: rows.conditions }),
    prisma.orderRiskAssessment.createMany({ data: rows.assessments }),
    prisma.complianceCheck.createMany({ data: rows.checks }),
    prisma.orderViolation.createMany({ data: rows.violations }),
    prisma.orderExtension.createMany({ data: rows.extensions }),
    prisma.orderNotice.createMany({ data: rows.notices }),
    prisma.orderAlert.createMany({ data: rows.alerts }),
    prisma.personFlag.createMany({ data: rows.flags }),
    prisma.chronologyEvent.createMany({ data: rows.chronology }),
  ]);
}
