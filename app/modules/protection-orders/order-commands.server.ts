import type { Prisma } from "~/generated/prisma/client.ts";
import { recordChronology } from "~/modules/chronology/chronology.server";
import { recordAuditor } from "~/kit/audit.server";
import { callerActor, type Caller, type CommandArgs } from "~/kit/request.server";
import { fieldError, formError, versionConflict, type CommandResult } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { deny } from "~/server/authorization.server";
import { getPrisma, type AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { deliverAll, externalNotifier, type Notification, type Notifier } from "~/server/notify/notifier.server";
import { mayActOnPerson } from "~policies/person.policy";
import { mayIssueOrders } from "~policies/protection-order.policy";
import { alertNewOrder, alertPoliceSupervisors, alertUsers } from "./order-alerts.server";
import { authorizeOrder, currentRiskInstrument, riskInstrumentById, ruleSetAt, ruleSetById, type OrderFacts } from "./order-facts.server";
import { expiryFor, extensionProblem, nextCheckDue } from "./order-rules";
import { nextStatus, orderOutcome } from "./order-status";
import {
  conditionsOf,
  type CheckInput,
  type ExtendInput,
  type HandOverInput,
  type IssueOrderInput,
  type NoticeInput,
  type RevokeInput,
  type RiskInput,
  type ServeInput,
  type ViolationInput,
} from "./orders.schema";
import { finalRiskLevel, riskAnswersProblem, scoreRisk, type RiskLevel } from "./risk-instrument";

/**
 * Protection orders, write side. Every command: authorise with the order policy (audited 404) →
 * check references and rules (field errors, never 500s) → write in one transaction that first moves
 * the order's version (a stale form changes nothing) → chronology and alerts in that transaction →
 * audit (field names, never values) and external notifications after commit.
 */

const audit = recordAuditor("protection_order");
const HOUR_MS = 60 * 60 * 1000;
/** A violation asks for a new risk assessment within a day. */
const REASSESS_WITHIN_HOURS = 24;

type Options = { notifier?: Notifier; now?: Date };

async function send(options: Options, notifications: Notification[]) {
  if (notifications.length > 0) await deliverAll(options.notifier ?? externalNotifier(), notifications);
}

/** The order's people, for chronology entries (every party sees the event on their page). */
async function partyIds(tx: Pick<AppTransaction, "protectionOrderParty">, orderId: string): Promise<string[]> {
  const parties = await tx.protectionOrderParty.findMany({ where: { orderId }, select: { personId: true } });
  return parties.map((party) => party.personId);
}

async function chronicle(tx: AppTransaction, caller: Caller, orderId: string, kind: string, at: Date, personIds?: readonly string[]) {
  const actor = callerActor(caller);
  for (const personId of personIds ?? (await partyIds(tx, orderId))) {
    await recordChronology({ personId, recordType: "protection_order", recordId: orderId, kind, agencyId: actor.agencyId, authorUserId: actor.id, at }, tx);
  }
}

const conflict = (facts: OrderFacts) => versionConflict({ version: facts.version, changes: [] }, "order.error.conflict");

/** Moves the version and writes; a stale version is a conflict with the order's current version. */
async function atVersion(orderId: string, version: number, write: (tx: AppTransaction) => Promise<void>): Promise<boolean> {
  return writeAtVersion({ model: "protectionOrder", id: orderId, version }, write);
}

// ---------------------------------------------------------------------------------------
// Risk (at issue, on each check, after a violation)
// ---------------------------------------------------------------------------------------

type ScoredRisk = { instrumentVersionId: string; answers: string; computedLevel: RiskLevel; finalLevel: RiskLevel; judgementReason: string | null };

/** Scores the checklist answers of a form; a refusal names the field to fix. */
async function scoredRisk(
  input: Pick<RiskInput, "instrumentVersionId" | "riskAnswers" | "judgementLevel" | "judgementReason">,
): Promise<ScoredRisk | CommandResult> {
  const current = await currentRiskInstrument();
  // The form shows the current version; an older one (a form left open across a revision) is reloaded.
  if (!current || current.id !== input.instrumentVersionId) return formError("order.error.instrumentChanged");
  const { definition } = await riskInstrumentById(input.instrumentVersionId);
  const problem = riskAnswersProblem(definition, input.riskAnswers);
  if (problem) return fieldError("riskAnswers", problem === "missing" ? "order.error.riskMissing" : "error.badRequest");
  const score = scoreRisk(definition, input.riskAnswers);
  const final = finalRiskLevel(score.level, input.judgementLevel ? { level: input.judgementLevel, reason: input.judgementReason } : null);
  if (!final.ok)
    return fieldError(
      final.error === "reason_required" ? "judgementReason" : "judgementLevel",
      final.error === "reason_required" ? "order.error.judgementReason" : "order.error.judgementLower",
    );
  return {
    instrumentVersionId: input.instrumentVersionId,
    answers: JSON.stringify(input.riskAnswers),
    computedLevel: score.level,
    finalLevel: final.level,
    judgementReason: final.raised ? input.judgementReason : null,
  };
}

const isRefusal = (value: ScoredRisk | CommandResult): value is CommandResult => "ok" in value;

function riskRow(orderId: string, risk: ScoredRisk, trigger: "issue" | "check" | "violation" | "review", assessedById: string, assessedAt: Date) {
  return { id: newId(), orderId, trigger, assessedById, assessedAt, ...risk };
}

/** The next planned check: the open one moves to the level's frequency from `since`, or one is planned. */
async function replanCheck(tx: AppTransaction, order: { id: string; ruleSetId: string }, level: RiskLevel, since: Date): Promise<Date> {
  const rule = await ruleSetById(order.ruleSetId);
  const due = nextCheckDue(rule, level, since);
  const open = await tx.complianceCheck.findFirst({ where: { orderId: order.id, doneAt: null }, select: { id: true } });
  if (open) await tx.complianceCheck.update({ where: { id: open.id }, data: { plannedFor: due } });
  else await tx.complianceCheck.create({ data: { id: newId(), orderId: order.id, plannedFor: due } });
  await tx.protectionOrder.update({ where: { id: order.id }, data: { nextCheckDueAt: due, checkEscalatedAt: null } });
  return due;
}

// ---------------------------------------------------------------------------------------
// Issue
// ---------------------------------------------------------------------------------------

async function readablePerson(caller: Caller, personId: string) {
  const prisma = await getPrisma();
  const person = await prisma.person.findUnique({ where: { id: personId }, select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true } });
  return person && person.mergedIntoId === null && mayActOnPerson(callerActor(caller), "read", person) ? person : null;
}

/** Children the officer ticked must be children of the protected person's household (guardianship links). */
async function householdChildren(protectedPersonId: string, respondentPersonId: string): Promise<Set<string>> {
  const prisma = await getPrisma();
  const links = await prisma.guardianship.findMany({ where: { guardianId: { in: [protectedPersonId, respondentPersonId] } }, select: { childId: true } });
  return new Set(links.map((link) => link.childId));
}

export async function issueOrder(args: CommandArgs<IssueOrderInput>, options: Options = {}): Promise<CommandResult> {
  const actor = callerActor(args);
  if (!mayIssueOrders(actor)) return deny(args.user, args.context, { type: "area", id: "orders.new" });
  const { input } = args;
  const protectedPerson = await readablePerson(args, input.protectedPersonId);
  if (!protectedPerson) return fieldError("protectedPersonId", "order.error.protectedPerson");
  const respondent = await readablePerson(args, input.respondentPersonId);
  if (!respondent) return fieldError("respondentPersonId", "order.error.respondent");
  const household = await householdChildren(protectedPerson.id, respondent.id);
  if (input.childIds.some((childId) => !household.has(childId))) return formError("error.badRequest");
  const rule = await ruleSetAt(input.issuedAt);
  if (!rule) return fieldError("issuedAt", "order.error.noRuleSet");
  const expiresAt = expiryFor(rule, input.issuedAt, input.days);
  if (!expiresAt) return fieldError("days", "order.error.days");
  const risk = await scoredRisk(input);
  if (isRefusal(risk)) return risk;

  const orderId = newId();
  const incidentId = newId();
  const now = options.now ?? new Date();
  const involvesChild = input.childIds.length > 0;
  const territoryId = actor.territoryId;
  let notifications: Notification[] = [];
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.incidentAccount.create({
      data: { id: incidentId, personId: protectedPerson.id, narrative: input.narrative, recordedById: actor.id, agencyId: actor.agencyId, recordedAt: now },
    });
    await tx.protectionOrder.create({
      data: {
        id: orderId,
        status: "issued",
        reason: input.reason,
        issuingUserId: actor.id,
        issuingAgencyId: actor.agencyId,
        responsibleUserId: actor.id,
        territoryId,
        ruleSetId: rule.id,
        incidentAccountId: incidentId,
        involvesChild,
        issuedAt: input.issuedAt,
        expiresAt,
        riskLevel: risk.finalLevel,
        createdAt: now,
      },
    });
    const parties: Prisma.ProtectionOrderPartyCreateManyInput[] = [
      { id: newId(), orderId, personId: protectedPerson.id, role: "protected_person" },
      { id: newId(), orderId, personId: respondent.id, role: "respondent" },
      ...input.childIds.map((personId) => ({ id: newId(), orderId, personId, role: "child" as const })),
    ];
    await tx.protectionOrderParty.createMany({ data: parties });
    for (const condition of conditionsOf(input)) await tx.protectionOrderCondition.create({ data: { id: newId(), orderId, ...condition } });
    await tx.orderRiskAssessment.create({ data: riskRow(orderId, risk, "issue", actor.id, now) });
    await chronicle(
      tx,
      args,
      orderId,
      "protection_order.issued",
      input.issuedAt,
      parties.map((party) => party.personId),
    );
    notifications = await alertNewOrder(tx, { id: orderId, territoryId, involvesChild }, now);
  });
  await audit(args, "protection_order.issue", orderId, ["parties", "conditions", "narrative", "risk"], `rule:${rule.code}`);
  await send(options, notifications);
  return { ok: true, id: orderId };
}

// ---------------------------------------------------------------------------------------
// Serve, check, violation, re-assessment
// ---------------------------------------------------------------------------------------

type OrderArgs<T> = CommandArgs<T, { orderId: string }>;

export async function serveOrder(args: OrderArgs<ServeInput>): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "serve");
  if (args.input.servedAt < facts.issuedAt) return fieldError("servedAt", "order.error.beforeIssue");
  if (args.input.servedAt >= facts.expiresAt) return fieldError("servedAt", "order.error.afterExpiry");
  const written = await atVersion(facts.id, args.input.version, async (tx) => {
    await tx.protectionOrder.update({
      where: { id: facts.id },
      data: { status: nextStatus(facts.status, "serve") ?? facts.status, servedAt: args.input.servedAt, serviceNote: args.input.serviceNote },
    });
    await replanCheck(tx, facts, facts.riskLevel, args.input.servedAt);
    await chronicle(tx, args, facts.id, "protection_order.served", args.input.servedAt);
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.serve", facts.id, args.input.serviceNote ? ["servedAt", "serviceNote"] : ["servedAt"]);
  return { ok: true, id: facts.id };
}

export async function recordCheck(args: OrderArgs<CheckInput>, options: Options = {}): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "record_check");
  const { input } = args;
  if (facts.servedAt && input.doneAt < facts.servedAt) return fieldError("doneAt", "order.error.beforeService");
  const risk = await scoredRisk(input);
  if (isRefusal(risk)) return risk;
  const actor = callerActor(args);
  const now = options.now ?? new Date();
  const written = await atVersion(facts.id, input.version, async (tx) => {
    const check = {
      doneAt: input.doneAt,
      // When it was written is kept apart from when the officer says it happened, and never edited.
      recordedAt: now,
      method: input.method,
      outcome: input.outcome,
      note: input.note,
      doneById: actor.id,
      protectedConfirmed: input.protectedConfirmed === "not_asked" ? null : input.protectedConfirmed === "yes",
      protectedStatement: input.protectedStatement,
    };
    const open = await tx.complianceCheck.findFirst({ where: { orderId: facts.id, doneAt: null }, orderBy: { plannedFor: "asc" }, select: { id: true } });
    if (open) await tx.complianceCheck.update({ where: { id: open.id }, data: check });
    else await tx.complianceCheck.create({ data: { id: newId(), orderId: facts.id, plannedFor: null, ...check } });
    await tx.orderRiskAssessment.create({ data: riskRow(facts.id, risk, "check", actor.id, now) });
    await tx.protectionOrder.update({
      where: { id: facts.id },
      data: { status: nextStatus(facts.status, "check_done") ?? facts.status, riskLevel: risk.finalLevel, reassessmentDueAt: null },
    });
    await replanCheck(tx, facts, risk.finalLevel, input.doneAt);
    await chronicle(tx, args, facts.id, "protection_order.checked", input.doneAt);
  });
  if (!written) return conflict(facts);
  const fields = ["check", "risk", ...(input.note ? ["checkNote"] : []), ...(input.protectedStatement ? ["protectedStatement"] : [])];
  await audit(args, "protection_order.check_record", facts.id, fields, now.getTime() - input.doneAt.getTime() > 24 * HOUR_MS ? "recorded_late" : undefined);
  return { ok: true, id: facts.id };
}

export async function assessRisk(args: OrderArgs<RiskInput>, options: Options = {}): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "assess_risk");
  const risk = await scoredRisk(args.input);
  if (isRefusal(risk)) return risk;
  const actor = callerActor(args);
  const now = options.now ?? new Date();
  const prisma = await getPrisma();
  const pending = await prisma.protectionOrder.findUnique({ where: { id: facts.id }, select: { reassessmentDueAt: true } });
  const written = await atVersion(facts.id, args.input.version, async (tx) => {
    await tx.orderRiskAssessment.create({ data: riskRow(facts.id, risk, pending?.reassessmentDueAt ? "violation" : "review", actor.id, now) });
    await tx.protectionOrder.update({ where: { id: facts.id }, data: { riskLevel: risk.finalLevel, reassessmentDueAt: null } });
    // A higher level checks sooner: the planned check follows the new frequency from the last one.
    if (facts.servedAt) {
      const last = await tx.complianceCheck.findFirst({
        where: { orderId: facts.id, doneAt: { not: null } },
        orderBy: { doneAt: "desc" },
        select: { doneAt: true },
      });
      await replanCheck(tx, facts, risk.finalLevel, last?.doneAt ?? facts.servedAt);
    }
    await chronicle(tx, args, facts.id, "protection_order.risk_assessed", now);
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.risk_assess", facts.id, risk.judgementReason ? ["risk", "judgementReason"] : ["risk"]);
  return { ok: true, id: facts.id };
}

export async function recordViolation(args: OrderArgs<ViolationInput>, options: Options = {}): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "record_violation");
  const { input } = args;
  const prisma = await getPrisma();
  const condition = await prisma.protectionOrderCondition.findFirst({ where: { id: input.conditionId, orderId: facts.id }, select: { id: true, kind: true } });
  if (!condition) return fieldError("conditionId", "order.error.condition");
  if (input.occurredAt < facts.issuedAt) return fieldError("occurredAt", "order.error.beforeIssue");
  const actor = callerActor(args);
  const now = options.now ?? new Date();
  let notifications: Notification[] = [];
  const written = await atVersion(facts.id, input.version, async (tx) => {
    await tx.orderViolation.create({
      data: {
        id: newId(),
        orderId: facts.id,
        conditionId: condition.id,
        conditionKind: condition.kind,
        occurredAt: input.occurredAt,
        recordedAt: now,
        description: input.description,
        action: input.action,
        recordedById: actor.id,
      },
    });
    await tx.protectionOrder.update({
      where: { id: facts.id },
      data: {
        violationCount: { increment: 1 },
        lastViolationAt: input.occurredAt,
        reassessmentDueAt: new Date(now.getTime() + REASSESS_WITHIN_HOURS * HOUR_MS),
      },
    });
    // The respondent is flagged as a repeat case (computed from records, shown where the order may be seen).
    const respondents = await tx.protectionOrderParty.findMany({ where: { orderId: facts.id, role: "respondent" }, select: { personId: true } });
    await tx.personFlag.createMany({
      data: respondents.map((party) => ({
        id: newId(),
        personId: party.personId,
        kind: "repeat_violation",
        sourceRecordType: "protection_order",
        sourceRecordId: facts.id,
        setAt: now,
      })),
      skipDuplicates: true,
    });
    await chronicle(tx, args, facts.id, "protection_order.violation", input.occurredAt);
    notifications = await alertPoliceSupervisors(tx, facts, "order_violation", now);
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.violation_record", facts.id, ["violation", "description"], `action:${input.action}`);
  await send(options, notifications);
  return { ok: true, id: facts.id };
}

// ---------------------------------------------------------------------------------------
// Telling the protected person, extension, revocation, hand-over
// ---------------------------------------------------------------------------------------

export async function recordNotice(args: OrderArgs<NoticeInput>): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "notify_protected");
  const { input } = args;
  if (input.kind === "served" && !facts.servedAt) return fieldError("kind", "order.error.notServedYet");
  const actor = callerActor(args);
  const written = await atVersion(facts.id, input.version, async (tx) => {
    await tx.orderNotice.create({ data: { id: newId(), orderId: facts.id, kind: input.kind, method: input.method, toldById: actor.id, toldAt: input.toldAt } });
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.notice_record", facts.id, ["notice"], `notice:${input.kind}`);
  return { ok: true, id: facts.id };
}

export async function extendOrder(args: OrderArgs<ExtendInput>, options: Options = {}): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "extend");
  const { input } = args;
  const now = options.now ?? new Date();
  if (input.newExpiresAt <= now) return fieldError("newExpiresAt", "order.error.notLater");
  const rule = await ruleSetById(facts.ruleSetId);
  const problem = extensionProblem(rule, facts, input.newExpiresAt);
  if (problem) return fieldError("newExpiresAt", problem === "not_later" ? "order.error.notLater" : "order.error.beyondLimit");
  const actor = callerActor(args);
  const written = await atVersion(facts.id, input.version, async (tx) => {
    await tx.orderExtension.create({
      data: {
        id: newId(),
        orderId: facts.id,
        previousExpiresAt: facts.expiresAt,
        newExpiresAt: input.newExpiresAt,
        decisionReference: input.decisionReference,
        decidedById: actor.id,
        decidedAt: now,
      },
    });
    await tx.protectionOrder.update({
      where: { id: facts.id },
      data: { status: nextStatus(facts.status, "extend") ?? facts.status, expiresAt: input.newExpiresAt, expiryNoticeSentAt: null },
    });
    await chronicle(tx, args, facts.id, "protection_order.extended", now);
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.extend", facts.id, ["expiresAt", "decisionReference"]);
  return { ok: true, id: facts.id };
}

export async function revokeOrder(args: OrderArgs<RevokeInput>, options: Options = {}): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "revoke");
  const now = options.now ?? new Date();
  const written = await atVersion(facts.id, args.input.version, async (tx) => {
    await tx.protectionOrder.update({
      where: { id: facts.id },
      data: {
        status: "revoked",
        revokedAt: now,
        revocationReason: args.input.revocationReason,
        endedAt: now,
        outcome: orderOutcome(facts),
        nextCheckDueAt: null,
      },
    });
    await tx.complianceCheck.deleteMany({ where: { orderId: facts.id, doneAt: null } });
    await chronicle(tx, args, facts.id, "protection_order.revoked", now);
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.revoke", facts.id, ["revocationReason"]);
  return { ok: true, id: facts.id };
}

/** A police supervisor hands the order to another police officer of a police department in the district. */
export async function handOverOrder(args: OrderArgs<HandOverInput>, options: Options = {}): Promise<CommandResult> {
  const facts = await authorizeOrder(args, args.orderId, "hand_over");
  const prisma = await getPrisma();
  // The role is checked here, not in SQL: `roles: { has }` does not survive the PGlite adapter.
  const candidate = await prisma.user.findFirst({
    where: { id: args.input.responsibleUserId, status: "active", agency: { territoryId: facts.territoryId, type: "police_department" } },
    select: { id: true, roles: true },
  });
  const officer = candidate?.roles.includes("police_officer") ? candidate : null;
  if (!officer) return fieldError("responsibleUserId", "order.error.officer");
  const now = options.now ?? new Date();
  let notifications: Notification[] = [];
  const written = await atVersion(facts.id, args.input.version, async (tx) => {
    await tx.protectionOrder.update({ where: { id: facts.id }, data: { responsibleUserId: officer.id } });
    notifications = await alertUsers(tx, facts.id, "order_handed_over", [officer.id], now);
  });
  if (!written) return conflict(facts);
  await audit(args, "protection_order.hand_over", facts.id, ["responsibleUserId"]);
  await send(options, notifications);
  return { ok: true, id: facts.id };
}
