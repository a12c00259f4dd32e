import { z } from "zod";
import type { RiskLevel } from "./risk-instrument";

/**
 * Durations, extension limits and check frequencies are dated configuration rows (decision 022),
 * never code: the law changed in 2020, 2024 and 2025. Each order keeps the rule set in force when
 * it was issued, so a later amendment applies to new orders only.
 */

export const orderRuleSetSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_-]+$/),
    /** The legal text the numbers come from (shown to officers next to the dates). */
    lawReference: z.string().min(1),
    validFrom: z.coerce.date(),
    /** The order's length when issued, and the shortest and longest an officer may choose. */
    defaultDays: z.number().int().positive(),
    minDays: z.number().int().positive(),
    maxDays: z.number().int().positive(),
    /** The longest an order may run in all, counting every extension, from the issue time. */
    maxTotalDays: z.number().int().positive(),
    /** Days between compliance checks by risk level. */
    checkEveryDays: z.object({ standard: z.number().positive(), medium: z.number().positive(), high: z.number().positive() }).strict(),
    /** How long before expiry the protected person is reminded and the board shows "expiring". */
    expiryNoticeHours: z.number().int().positive(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!(rule.minDays <= rule.defaultDays && rule.defaultDays <= rule.maxDays && rule.maxDays <= rule.maxTotalDays)) {
      ctx.addIssue({ code: "custom", message: "minDays ≤ defaultDays ≤ maxDays ≤ maxTotalDays" });
    }
  });
export type OrderRuleSet = z.infer<typeof orderRuleSetSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The rule set in force at `at`: the latest one valid from then or before; null before the first. */
export function ruleSetInForce<Rule extends Pick<OrderRuleSet, "validFrom">>(rules: readonly Rule[], at: Date): Rule | null {
  let found: Rule | null = null;
  for (const rule of rules) if (rule.validFrom.getTime() <= at.getTime() && (!found || rule.validFrom > found.validFrom)) found = rule;
  return found;
}

/** When an order issued at `issuedAt` for `days` days expires; null when the rule does not allow that length. */
export function expiryFor(rule: OrderRuleSet, issuedAt: Date, days = rule.defaultDays): Date | null {
  if (!Number.isInteger(days) || days < rule.minDays || days > rule.maxDays) return null;
  return new Date(issuedAt.getTime() + days * DAY_MS);
}

/** The latest expiry an extension may set (the total length counted from the issue time). */
export function latestExtension(rule: OrderRuleSet, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + rule.maxTotalDays * DAY_MS);
}

export type ExtensionProblem = "not_later" | "beyond_limit";

/** May the order be extended to `newExpiry`? It must move the end later, within the rule's total. */
export function extensionProblem(rule: OrderRuleSet, order: { issuedAt: Date; expiresAt: Date }, newExpiry: Date): ExtensionProblem | null {
  if (newExpiry.getTime() <= order.expiresAt.getTime()) return "not_later";
  if (newExpiry.getTime() > latestExtension(rule, order.issuedAt).getTime()) return "beyond_limit";
  return null;
}

/** When the next compliance check is due: from the last check (or the service) by the risk level's frequency. */
export function nextCheckDue(rule: OrderRuleSet, level: RiskLevel, since: Date): Date {
  return new Date(since.getTime() + rule.checkEveryDays[level] * DAY_MS);
}

/** Is the order within its expiry notice window at `now` (and not yet expired)? */
export function isExpiringSoon(rule: Pick<OrderRuleSet, "expiryNoticeHours">, expiresAt: Date, now: Date): boolean {
  const left = expiresAt.getTime() - now.getTime();
  return left > 0 && left <= rule.expiryNoticeHours * HOUR_MS;
}
