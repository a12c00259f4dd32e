import { callerActor, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import type { OrderStatus } from "~policies/protection-order.policy";
import type { Actor } from "~policies/roles";
import { mayOpenOrderBoard } from "./order-board.server";

/**
 * Protection-order work on the home page (clear columns only, nothing decrypted): the responsible
 * officer's orders to serve, check, re-assess or tell the protected person about before expiry;
 * unread order alerts (new orders for social services and child services, violations and overdue
 * checks for police supervisors). Each item links to the order page, where the work is done.
 */

const HOUR_MS = 60 * 60 * 1000;
const IN_FORCE: OrderStatus[] = ["served", "active", "extended"];
/** A check due within a day is shown as due; earlier ones as overdue. */
const CHECK_HORIZON_HOURS = 24;
const EXPIRING_HOURS = 48;
const LIMIT = 50;

export type OrderTaskKind = "serve" | "check_overdue" | "check_due" | "reassess" | "tell_expiring";
export type OrderTask = { orderId: string; kind: OrderTaskKind; due: string };
export type OrderAlertItem = { id: string; orderId: string; kind: string; createdAt: string };
export type OrderWork = { tasks: OrderTask[]; alerts: OrderAlertItem[]; board: boolean };

const isOfficer = (actor: Actor) => actor.roles.includes("police_officer") && actor.agencyType === "police_department";
const deniedOutright = (actor: Actor) => actor.roles.some((role) => ["admin", "auditor", "analyst"].includes(role));

export function orderWorkFor(caller: Caller, now = new Date()): Promise<OrderWork> {
  return orderWorkOf(callerActor(caller), now);
}

/** orderWorkFor by actor (the menu badge's parity test compares its count with this list). */
export async function orderWorkOf(actor: Actor, now = new Date()): Promise<OrderWork> {
  if (deniedOutright(actor)) return { tasks: [], alerts: [], board: false };
  const prisma = await getPrisma();
  const soon = new Date(now.getTime() + CHECK_HORIZON_HOURS * HOUR_MS);
  const expiring = new Date(now.getTime() + EXPIRING_HOURS * HOUR_MS);
  const [orders, alerts] = await Promise.all([
    isOfficer(actor)
      ? prisma.protectionOrder.findMany({
          where: {
            responsibleUserId: actor.id,
            OR: [
              { status: "issued" },
              { status: { in: IN_FORCE }, nextCheckDueAt: { lte: soon } },
              { status: { in: IN_FORCE }, reassessmentDueAt: { not: null } },
              { status: { in: IN_FORCE }, expiresAt: { gt: now, lte: expiring }, notices: { none: { kind: "expiring" } } },
            ],
          },
          select: {
            id: true,
            status: true,
            issuedAt: true,
            nextCheckDueAt: true,
            reassessmentDueAt: true,
            expiresAt: true,
            notices: { where: { kind: "expiring" }, select: { id: true }, take: 1 },
          },
          orderBy: [{ nextCheckDueAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
          take: LIMIT,
        })
      : [],
    prisma.orderAlert.findMany({
      where: { recipientUserId: actor.id, readAt: null },
      select: { id: true, orderId: true, kind: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LIMIT,
    }),
  ]);
  const tasks: OrderTask[] = [];
  for (const order of orders) {
    if (order.status === "issued") tasks.push({ orderId: order.id, kind: "serve", due: order.issuedAt.toISOString() });
    if (order.nextCheckDueAt && order.nextCheckDueAt <= soon && order.status !== "issued") {
      tasks.push({ orderId: order.id, kind: order.nextCheckDueAt < now ? "check_overdue" : "check_due", due: order.nextCheckDueAt.toISOString() });
    }
    if (order.reassessmentDueAt) tasks.push({ orderId: order.id, kind: "reassess", due: order.reassessmentDueAt.toISOString() });
    if (order.status !== "issued" && order.expiresAt > now && order.expiresAt <= expiring)
      tasks.push({ orderId: order.id, kind: "tell_expiring", due: order.expiresAt.toISOString() });
  }
  return {
    tasks: tasks.sort((a, b) => a.due.localeCompare(b.due)),
    alerts: alerts.map((alert) => ({ id: alert.id, orderId: alert.orderId, kind: alert.kind, createdAt: alert.createdAt.toISOString() })),
    board: mayOpenOrderBoard(actor),
  };
}

/** Opening the order marks the viewer's alerts about it read (the alert has done its job). */
export async function markOrderAlertsRead(caller: Caller, orderId: string, now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  await prisma.orderAlert.updateMany({ where: { orderId, recipientUserId: caller.user.id, readAt: null }, data: { readAt: now } });
}

type SqlParam = (key: string, value: unknown) => string;

/**
 * The number of items orderWorkFor lists, as one SQL expression for the menu badge (clear columns
 * only): the officer's tasks (each order counted per task, as listed) plus unread order alerts.
 */
export function orderWorkCountSql(actor: Actor, now: Date, p: SqlParam): string {
  if (deniedOutright(actor)) return "0";
  const me = `${p("me", actor.id)}::text`;
  const inForce = `o.status IN ('served', 'active', 'extended')`;
  const alerts = `(SELECT count(*) FROM (SELECT 1 FROM order_alert WHERE recipient_user_id = ${me} AND read_at IS NULL LIMIT ${LIMIT}) a)::int`;
  if (!isOfficer(actor)) return alerts;
  // Parameters are registered only when used: the statement must reference every one it binds.
  const ts = (key: string, at: Date) => `${p(key, at.toISOString())}::timestamp(3)`;
  const nowSql = ts("now", now);
  const soon = ts("orderCheckHorizon", new Date(now.getTime() + CHECK_HORIZON_HOURS * HOUR_MS));
  const expiring = ts("orderExpiring", new Date(now.getTime() + EXPIRING_HOURS * HOUR_MS));
  const expiringUntold = `${inForce} AND o.expires_at > ${nowSql} AND o.expires_at <= ${expiring} AND NOT EXISTS (SELECT 1 FROM order_notice n WHERE n.order_id = o.id AND n.kind = 'expiring')`;
  const tasks = `(SELECT coalesce(sum(
      (o.status = 'issued')::int
      + (o.status <> 'issued' AND o.next_check_due_at <= ${soon})::int
      + (o.reassessment_due_at IS NOT NULL)::int
      + (${expiringUntold})::int), 0)
    FROM (SELECT * FROM protection_order o WHERE o.responsible_user_id = ${me} AND (o.status = 'issued'
      OR (${inForce} AND (o.next_check_due_at <= ${soon} OR o.reassessment_due_at IS NOT NULL OR (${expiringUntold}))))
      ORDER BY o.next_check_due_at ASC NULLS FIRST, o.id ASC LIMIT ${LIMIT}) o)::int`;
  return `(${tasks} + ${alerts})`;
}
