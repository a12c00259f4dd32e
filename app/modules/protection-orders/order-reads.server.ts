import type { LocalisedText } from "~/modules/screenings/instruments";
import { auditBy } from "~/kit/audit.server";
import { authorizeRecord, callerActor, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnOrder, orderListWhere, visibleOrderFields, type OrderField, type OrderStatus } from "~policies/protection-order.policy";
import { loadOrderFacts, riskInstrumentById, ruleSetById, type OrderFacts } from "./order-facts.server";
import { isExpiringSoon, latestExtension } from "./order-rules";
import { orderOutcome } from "./order-status";
import type { ConditionKind, OrderReasonName } from "./orders.schema";
import type { RiskAnswer, RiskLevel } from "./risk-instrument";

/** Protection orders, read side: the order page, lists, a person's orders. Every read is audited with the parts shown. */

const HOUR_MS = 60 * 60 * 1000;
/** A check written more than a day after it happened is shown as "recorded late" (never silently back-dated). */
export const LATE_RECORD_HOURS = 24;

type Name = { surname: string; givenName: string; patronymic: string | null };
const fullName = (person: Name) => [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ");

async function personNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const prisma = await getPrisma();
  const people = await prisma.person.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, surname: true, givenName: true, patronymic: true },
  });
  return new Map(people.map((person) => [person.id, fullName(person)]));
}

export type OrderPage = {
  id: string;
  version: number;
  status: OrderStatus;
  reason: OrderReasonName;
  fields: OrderField[];
  actions: { serve: boolean; check: boolean; violation: boolean; risk: boolean; notice: boolean; extend: boolean; revoke: boolean; handOver: boolean };
  issuedAt: string;
  servedAt: string | null;
  expiresAt: string;
  latestExtensionAt: string;
  expiringSoon: boolean;
  riskLevel: RiskLevel | null;
  reassessmentDueAt: string | null;
  nextCheckDueAt: string | null;
  outcome: "kept" | "violated" | "not_served" | null;
  responsibleName: string;
  issuingAgencyName: { nameRu: string; nameKy: string; nameEn: string };
  lawReference: string;
  parties: { personId: string; role: "protected_person" | "respondent" | "child"; name: string }[];
  protectedContact: { phone: string | null; address: string | null } | null;
  conditions: { id: string; kind: ConditionKind; distanceMetres: number | null; details: string | null }[];
  narrative: string | null;
  serviceNote: string | null;
  revocationReason: string | null;
  risk: {
    assessedAt: string;
    computedLevel: RiskLevel;
    finalLevel: RiskLevel;
    judgementReason: string | null;
    items: { code: string; text: LocalisedText; critical: boolean; answer: RiskAnswer | null }[];
  } | null;
  riskHistory: { assessedAt: string; trigger: string; finalLevel: RiskLevel }[];
  checks: {
    id: string;
    plannedFor: string | null;
    doneAt: string | null;
    recordedAt: string | null;
    recordedLate: boolean;
    method: string | null;
    outcome: string | null;
    note: string | null;
    protectedConfirmed: boolean | null;
    protectedStatement: string | null;
    doneByName: string | null;
  }[];
  violations: { id: string; occurredAt: string; recordedAt: string; conditionKind: ConditionKind; action: string; description: string | null }[];
  extensions: { previousExpiresAt: string; newExpiresAt: string; decisionReference: string | null; decidedAt: string }[];
  notices: { kind: string; method: string; toldAt: string }[];
};

/** The order page for this viewer: only the parts the policy lets them see are read (and decrypted). */
export async function readOrder(caller: Caller, orderId: string, now = new Date()): Promise<OrderPage> {
  const facts = await authorizeRecord<OrderFacts>(
    caller,
    { type: "protection_order", id: orderId },
    () => loadOrderFacts(orderId),
    (actor, f) => mayActOnOrder(actor, "read", f),
    "read",
  );
  const actor = callerActor(caller);
  const fields = visibleOrderFields(actor, facts);
  const sees = (field: OrderField) => fields.includes(field);
  const prisma = await getPrisma();
  const order = await prisma.protectionOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      // The encrypted notes are bound to the record id: the encrypting client needs it selected.
      id: true,
      reason: true,
      status: true,
      reassessmentDueAt: true,
      nextCheckDueAt: true,
      outcome: true,
      incidentAccountId: true,
      serviceNote: sees("narrative"),
      revocationReason: sees("narrative"),
      parties: { select: { personId: true, role: true } },
      conditions: { select: { id: true, kind: true, distanceMetres: true, details: true } },
      checks: {
        select: {
          id: true,
          plannedFor: true,
          doneAt: true,
          recordedAt: true,
          method: true,
          outcome: true,
          doneById: true,
          protectedConfirmed: true,
          note: sees("narrative"),
          protectedStatement: sees("narrative"),
        },
        orderBy: [{ doneAt: { sort: "desc", nulls: "first" } }, { plannedFor: "desc" }],
      },
      violations: {
        select: { id: true, occurredAt: true, recordedAt: true, conditionKind: true, action: true, description: sees("narrative") },
        orderBy: { occurredAt: "desc" },
      },
      extensions: {
        select: { id: true, previousExpiresAt: true, newExpiresAt: true, decidedAt: true, decisionReference: sees("narrative") },
        orderBy: { decidedAt: "asc" },
      },
      notices: { select: { kind: true, method: true, toldAt: true }, orderBy: { toldAt: "asc" } },
      assessments: { select: { id: true, assessedAt: true, trigger: true, finalLevel: true }, orderBy: { assessedAt: "desc" } },
    },
  });
  const protectedId = order.parties.find((party) => party.role === "protected_person")?.personId ?? null;
  const [names, staff, agency, rule, incident, latestRisk, contact] = await Promise.all([
    personNames(order.parties.map((party) => party.personId)),
    prisma.user.findMany({
      where: { id: { in: [facts.responsibleUserId, ...order.checks.flatMap((check) => (check.doneById ? [check.doneById] : []))] } },
      select: { id: true, displayName: true },
    }),
    prisma.agency.findUniqueOrThrow({ where: { id: facts.issuingAgencyId }, select: { nameRu: true, nameKy: true, nameEn: true } }),
    ruleSetById(facts.ruleSetId),
    sees("narrative") ? prisma.incidentAccount.findUnique({ where: { id: order.incidentAccountId }, select: { id: true, narrative: true } }) : null,
    sees("risk") && order.assessments[0]
      ? prisma.orderRiskAssessment.findUnique({
          where: { id: order.assessments[0].id },
          select: { id: true, assessedAt: true, computedLevel: true, finalLevel: true, judgementReason: true, answers: true, instrumentVersionId: true },
        })
      : null,
    sees("protectedContact") && protectedId ? prisma.person.findUnique({ where: { id: protectedId }, select: { id: true, phone: true, address: true } }) : null,
  ]);
  const staffName = new Map(staff.map((user) => [user.id, user.displayName]));
  let risk: OrderPage["risk"] = null;
  if (latestRisk) {
    const { definition } = await riskInstrumentById(latestRisk.instrumentVersionId);
    const answers = JSON.parse(latestRisk.answers) as Record<string, RiskAnswer>;
    risk = {
      assessedAt: latestRisk.assessedAt.toISOString(),
      computedLevel: latestRisk.computedLevel,
      finalLevel: latestRisk.finalLevel,
      judgementReason: latestRisk.judgementReason,
      items: definition.items.map((item) => ({ code: item.code, text: item.text, critical: item.critical, answer: answers[item.code] ?? null })),
    };
  }
  const readsNarrative = sees("narrative");
  const page: OrderPage = {
    id: facts.id,
    version: facts.version,
    status: facts.status,
    reason: order.reason,
    fields,
    actions: {
      serve: mayActOnOrder(actor, "serve", facts),
      check: mayActOnOrder(actor, "record_check", facts),
      violation: mayActOnOrder(actor, "record_violation", facts),
      risk: mayActOnOrder(actor, "assess_risk", facts),
      notice: mayActOnOrder(actor, "notify_protected", facts),
      extend: mayActOnOrder(actor, "extend", facts),
      revoke: mayActOnOrder(actor, "revoke", facts),
      handOver: mayActOnOrder(actor, "hand_over", facts),
    },
    issuedAt: facts.issuedAt.toISOString(),
    servedAt: facts.servedAt?.toISOString() ?? null,
    expiresAt: facts.expiresAt.toISOString(),
    latestExtensionAt: latestExtension(rule, facts.issuedAt).toISOString(),
    expiringSoon: isExpiringSoon(rule, facts.expiresAt, now),
    riskLevel: sees("risk") ? facts.riskLevel : null,
    reassessmentDueAt: order.reassessmentDueAt?.toISOString() ?? null,
    nextCheckDueAt: order.nextCheckDueAt?.toISOString() ?? null,
    outcome: facts.status === "expired" || facts.status === "revoked" ? (order.outcome ?? orderOutcome(facts)) : null,
    responsibleName: staffName.get(facts.responsibleUserId) ?? "",
    issuingAgencyName: agency,
    lawReference: rule.lawReference,
    parties: order.parties.map((party) => ({ personId: party.personId, role: party.role, name: names.get(party.personId) ?? "" })),
    protectedContact: contact ? { phone: contact.phone, address: contact.address } : null,
    conditions: order.conditions,
    narrative: incident?.narrative ?? null,
    serviceNote: readsNarrative ? (order.serviceNote ?? null) : null,
    revocationReason: readsNarrative ? (order.revocationReason ?? null) : null,
    risk,
    riskHistory: sees("risk")
      ? order.assessments.map((row) => ({ assessedAt: row.assessedAt.toISOString(), trigger: row.trigger, finalLevel: row.finalLevel }))
      : [],
    checks: order.checks.map((check) => ({
      id: check.id,
      plannedFor: check.plannedFor?.toISOString() ?? null,
      doneAt: check.doneAt?.toISOString() ?? null,
      recordedAt: check.recordedAt?.toISOString() ?? null,
      recordedLate: !!(check.doneAt && check.recordedAt && check.recordedAt.getTime() - check.doneAt.getTime() > LATE_RECORD_HOURS * HOUR_MS),
      method: check.method,
      outcome: check.outcome,
      note: readsNarrative ? (check.note ?? null) : null,
      protectedConfirmed: check.protectedConfirmed,
      protectedStatement: readsNarrative ? (check.protectedStatement ?? null) : null,
      doneByName: check.doneById ? (staffName.get(check.doneById) ?? null) : null,
    })),
    violations: order.violations.map((violation) => ({
      id: violation.id,
      occurredAt: violation.occurredAt.toISOString(),
      recordedAt: violation.recordedAt.toISOString(),
      conditionKind: violation.conditionKind,
      action: violation.action,
      description: readsNarrative ? (violation.description ?? null) : null,
    })),
    extensions: order.extensions.map((extension) => ({
      previousExpiresAt: extension.previousExpiresAt.toISOString(),
      newExpiresAt: extension.newExpiresAt.toISOString(),
      decidedAt: extension.decidedAt.toISOString(),
      decisionReference: readsNarrative ? (extension.decisionReference ?? null) : null,
    })),
    notices: order.notices.map((notice) => ({ kind: notice.kind, method: notice.method, toldAt: notice.toldAt.toISOString() })),
  };
  await auditBy(caller, { action: "protection_order.read", record: { type: "protection_order", id: facts.id }, fields });
  return page;
}

export type OrderListRow = {
  id: string;
  status: OrderStatus;
  protectedName: string;
  respondentName: string;
  issuedAt: string;
  expiresAt: string;
  nextCheckDueAt: string | null;
  riskLevel: RiskLevel | null;
  mine: boolean;
};

export const ORDER_PAGE_SIZE = 50;
const OPEN: OrderStatus[] = ["issued", "served", "active", "extended"];

/** The orders this caller may list: open ones by default (soonest check first), or ended ones. */
export async function listOrders(caller: Caller, options: { ended: boolean; page: number }): Promise<{ rows: OrderListRow[]; hasNext: boolean }> {
  const actor = callerActor(caller);
  const prisma = await getPrisma();
  const orders = await prisma.protectionOrder.findMany({
    where: { AND: [orderListWhere(actor), { status: { in: options.ended ? ["expired", "revoked"] : OPEN } }] },
    select: {
      id: true,
      status: true,
      issuingUserId: true,
      responsibleUserId: true,
      territoryId: true,
      involvesChild: true,
      issuedAt: true,
      expiresAt: true,
      nextCheckDueAt: true,
      riskLevel: true,
      parties: { where: { role: { in: ["protected_person", "respondent"] } }, select: { personId: true, role: true } },
    },
    orderBy: options.ended ? [{ expiresAt: "desc" }, { id: "asc" }] : [{ nextCheckDueAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    skip: (options.page - 1) * ORDER_PAGE_SIZE,
    take: ORDER_PAGE_SIZE + 1,
  });
  const page = orders.slice(0, ORDER_PAGE_SIZE).filter((order) => mayActOnOrder(actor, "read", order));
  const names = await personNames(page.flatMap((order) => order.parties.map((party) => party.personId)));
  const nameOf = (order: (typeof page)[number], role: string) => names.get(order.parties.find((party) => party.role === role)?.personId ?? "") ?? "";
  const rows = page.map<OrderListRow>((order) => ({
    id: order.id,
    status: order.status,
    protectedName: nameOf(order, "protected_person"),
    respondentName: nameOf(order, "respondent"),
    issuedAt: order.issuedAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    nextCheckDueAt: order.nextCheckDueAt?.toISOString() ?? null,
    riskLevel: mayActOnOrder(actor, "read_risk", order) ? order.riskLevel : null,
    mine: order.responsibleUserId === actor.id,
  }));
  await auditBy(caller, { action: "protection_order.list", fields: ["parties", "status"], purpose: options.ended ? "ended" : "open" });
  return { rows, hasNext: orders.length > ORDER_PAGE_SIZE };
}

export type PersonOrderRow = {
  id: string;
  status: OrderStatus;
  role: "protected_person" | "respondent" | "child";
  issuedAt: string;
  expiresAt: string;
  repeat: boolean;
};

/** The orders a person is a party to, as far as the caller may see them (for the person page). */
export async function ordersOfPerson(caller: Caller, personId: string): Promise<PersonOrderRow[]> {
  const actor = callerActor(caller);
  const prisma = await getPrisma();
  const parties = await prisma.protectionOrderParty.findMany({
    where: { personId },
    select: {
      role: true,
      order: {
        select: {
          id: true,
          status: true,
          issuingUserId: true,
          responsibleUserId: true,
          territoryId: true,
          involvesChild: true,
          issuedAt: true,
          expiresAt: true,
        },
      },
    },
  });
  const visible = parties.filter((party) => mayActOnOrder(actor, "read", party.order));
  if (visible.length === 0) return [];
  const flags = await prisma.personFlag.findMany({
    where: { personId, kind: "repeat_violation", sourceRecordId: { in: visible.map((party) => party.order.id) } },
    select: { sourceRecordId: true },
  });
  const flagged = new Set(flags.map((flag) => flag.sourceRecordId));
  return visible
    .map((party) => ({
      id: party.order.id,
      status: party.order.status,
      role: party.role,
      issuedAt: party.order.issuedAt.toISOString(),
      expiresAt: party.order.expiresAt.toISOString(),
      repeat: party.role === "respondent" && flagged.has(party.order.id),
    }))
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}
