import type { AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import type { Notification, NotificationKind } from "~/server/notify/notifier.server";

/**
 * Who is told about an order, and the in-app alert rows (pointers only: the reader signs in and
 * the order policy decides what they see). External notifications carry the kind and a link.
 */

export type OrderAlertKind = "order_issued" | "order_child" | "order_violation" | "order_check_overdue" | "order_expiring" | "order_handed_over";

const NOTIFICATION_KIND: Record<OrderAlertKind, NotificationKind> = {
  order_issued: "order_issued",
  order_child: "order_issued",
  order_violation: "order_violation",
  order_check_overdue: "order_check_overdue",
  order_expiring: "order_expiring",
  order_handed_over: "order_issued",
};

type Tx = Pick<AppTransaction, "user" | "orderAlert">;

/** Active users of the district's agencies of `agencyType` who hold `role`. */
export async function districtStaff(
  tx: Pick<AppTransaction, "user">,
  territoryId: string,
  agencyType: "social_services" | "police_department",
  role: "social_worker" | "juvenile_inspector" | "supervisor",
) {
  // Roles filtered here, not in SQL: `roles: { has }` does not survive the PGlite adapter (as in the screenings).
  const users = await tx.user.findMany({
    where: { status: "active", agency: { territoryId, type: agencyType, status: "active" } },
    select: { id: true, roles: true },
  });
  return users.filter((user) => user.roles.includes(role)).map((user) => user.id);
}

export const orderHref = (orderId: string) => `/orders/${orderId}`;

/** Writes one alert per recipient (inside the caller's transaction) and returns the notifications to send after commit. */
export async function alertUsers(tx: Tx, orderId: string, kind: OrderAlertKind, recipients: readonly string[], at: Date): Promise<Notification[]> {
  const unique = [...new Set(recipients)];
  if (unique.length === 0) return [];
  await tx.orderAlert.createMany({ data: unique.map((recipientUserId) => ({ id: newId(), orderId, recipientUserId, kind, createdAt: at })) });
  return unique.map((to) => ({ to, kind: NOTIFICATION_KIND[kind], link: orderHref(orderId) }));
}

/** A new order: the district's social services always; the district's juvenile inspectors when a child is involved. */
export async function alertNewOrder(tx: Tx, order: { id: string; territoryId: string; involvesChild: boolean }, at: Date): Promise<Notification[]> {
  const social = await alertUsers(tx, order.id, "order_issued", await districtStaff(tx, order.territoryId, "social_services", "social_worker"), at);
  const child = order.involvesChild
    ? await alertUsers(tx, order.id, "order_child", await districtStaff(tx, order.territoryId, "police_department", "juvenile_inspector"), at)
    : [];
  return [...social, ...child];
}

/** The district's police supervisors (violations, overdue checks). */
export async function alertPoliceSupervisors(tx: Tx, order: { id: string; territoryId: string }, kind: OrderAlertKind, at: Date): Promise<Notification[]> {
  return alertUsers(tx, order.id, kind, await districtStaff(tx, order.territoryId, "police_department", "supervisor"), at);
}
