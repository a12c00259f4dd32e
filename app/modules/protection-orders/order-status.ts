import type { OrderStatus } from "~policies/protection-order.policy";

/**
 * The order's life (decision 022): issued (not yet served on the respondent, not in force) →
 * served (in force, never checked) → active (monitored: a compliance check was done) → extended;
 * it ends as expired (its end passed) or revoked (with a reason). The outcome on closure is
 * computed from its violations: kept or violated.
 */

export type OrderEvent = "serve" | "check_done" | "extend" | "expire" | "revoke";

const NEXT: Record<OrderEvent, Partial<Record<OrderStatus, OrderStatus>>> = {
  serve: { issued: "served" },
  check_done: { served: "active", active: "active", extended: "extended" },
  extend: { served: "extended", active: "extended", extended: "extended" },
  expire: { issued: "expired", served: "expired", active: "expired", extended: "expired" },
  revoke: { issued: "revoked", served: "revoked", active: "revoked", extended: "revoked" },
};

/** The status after `event`, or null when the event does not apply to an order in `status`. */
export function nextStatus(status: OrderStatus, event: OrderEvent): OrderStatus | null {
  return NEXT[event][status] ?? null;
}

export const ENDED_STATUSES: readonly OrderStatus[] = ["expired", "revoked"];

export type OrderOutcome = "kept" | "violated" | "not_served";

/** How an ended order went: never served, violated at least once, or kept. */
export function orderOutcome(order: { servedAt: Date | null; violationCount: number }): OrderOutcome {
  if (!order.servedAt) return "not_served";
  return order.violationCount > 0 ? "violated" : "kept";
}
