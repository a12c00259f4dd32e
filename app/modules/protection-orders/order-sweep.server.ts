import { recordChronology } from "~/modules/chronology/chronology.server";
import { recordAudit } from "~/server/audit/audit.server";
import { getPrisma } from "~/server/db.server";
import { deliverAll, externalNotifier, type Notification, type Notifier } from "~/server/notify/notifier.server";
import type { OrderStatus } from "~policies/protection-order.policy";
import { alertPoliceSupervisors, alertUsers } from "./order-alerts.server";
import { EXPIRING_WITHIN_HOURS } from "./order-board.server";
import { orderOutcome } from "./order-status";

/**
 * The orders' periodic sweep (run with the screening sweep, decision 019): ends orders whose time
 * is up (outcome computed), alerts the district's police supervisors and the officer once when a
 * check is overdue, and reminds the officer once to tell the protected person before the order
 * expires. Each order is claimed with a conditional update, so several servers are safe.
 */

const IN_FORCE: OrderStatus[] = ["served", "active", "extended"];
const BATCH = 500;

export type OrderSweepResult = { expired: number; checksEscalated: number; expiryReminders: number; alerts: number; notifyFailed: number };

export async function sweepOrders(options: { now?: Date; notifier?: Notifier } = {}): Promise<OrderSweepResult> {
  const now = options.now ?? new Date();
  const prisma = await getPrisma();
  const result: OrderSweepResult = { expired: 0, checksEscalated: 0, expiryReminders: 0, alerts: 0, notifyFailed: 0 };
  const notifications: Notification[] = [];

  const ending = await prisma.protectionOrder.findMany({
    where: { status: { in: ["issued", ...IN_FORCE] }, expiresAt: { lte: now } },
    select: { id: true, servedAt: true, violationCount: true, issuingAgencyId: true, responsibleUserId: true },
    take: BATCH,
  });
  for (const order of ending) {
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.protectionOrder.updateMany({
        where: { id: order.id, status: { in: ["issued", ...IN_FORCE] } },
        data: { status: "expired", endedAt: now, outcome: orderOutcome(order), nextCheckDueAt: null, version: { increment: 1 } },
      });
      if (claimed.count !== 1) return;
      await tx.complianceCheck.deleteMany({ where: { orderId: order.id, doneAt: null } });
      const parties = await tx.protectionOrderParty.findMany({ where: { orderId: order.id }, select: { personId: true } });
      for (const party of parties) {
        await recordChronology(
          {
            personId: party.personId,
            recordType: "protection_order",
            recordId: order.id,
            kind: "protection_order.expired",
            agencyId: order.issuingAgencyId,
            authorUserId: order.responsibleUserId,
            at: now,
          },
          tx,
        );
      }
      result.expired += 1;
    });
  }

  const overdue = await prisma.protectionOrder.findMany({
    where: { status: { in: IN_FORCE }, nextCheckDueAt: { lt: now }, checkEscalatedAt: null },
    select: { id: true, territoryId: true, responsibleUserId: true },
    take: BATCH,
  });
  for (const order of overdue) {
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.protectionOrder.updateMany({ where: { id: order.id, checkEscalatedAt: null }, data: { checkEscalatedAt: now } });
      if (claimed.count !== 1) return;
      const sent = [
        ...(await alertPoliceSupervisors(tx, order, "order_check_overdue", now)),
        ...(await alertUsers(tx, order.id, "order_check_overdue", [order.responsibleUserId], now)),
      ];
      notifications.push(...sent);
      result.alerts += sent.length;
      result.checksEscalated += 1;
    });
  }

  const soon = new Date(now.getTime() + EXPIRING_WITHIN_HOURS * 60 * 60 * 1000);
  const expiring = await prisma.protectionOrder.findMany({
    where: { status: { in: IN_FORCE }, expiresAt: { gt: now, lte: soon }, expiryNoticeSentAt: null },
    select: { id: true, responsibleUserId: true },
    take: BATCH,
  });
  for (const order of expiring) {
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.protectionOrder.updateMany({ where: { id: order.id, expiryNoticeSentAt: null }, data: { expiryNoticeSentAt: now } });
      if (claimed.count !== 1) return;
      const sent = await alertUsers(tx, order.id, "order_expiring", [order.responsibleUserId], now);
      notifications.push(...sent);
      result.alerts += sent.length;
      result.expiryReminders += 1;
    });
  }

  if (result.expired + result.checksEscalated + result.expiryReminders > 0) {
    await recordAudit({
      actor: null,
      action: "protection_order.expire",
      decision: "allowed",
      purpose: `sweep: ${result.expired} expired, ${result.checksEscalated} overdue checks escalated, ${result.expiryReminders} expiry reminders`,
    });
  }
  result.notifyFailed = await deliverAll(options.notifier ?? externalNotifier(), notifications);
  return result;
}
