import { describe, expect, test } from "vitest";
import { ORDER_RISK_V1 } from "~seeds/data/order-risk-instrument";
import { ORDER_RULE_SETS } from "~seeds/data/order-rules";
import {
  expiryFor,
  extensionProblem,
  isExpiringSoon,
  latestExtension,
  nextCheckDue,
  orderRuleSetSchema,
  ruleSetInForce,
  type OrderRuleSet,
} from "./order-rules";
import { nextStatus, orderOutcome } from "./order-status";
import { finalRiskLevel, parseRiskInstrument, riskAnswersProblem, scoreRisk, type RiskAnswers } from "./risk-instrument";

const answersWith = (yes: string[], rest: "no" | "unknown" = "no"): RiskAnswers =>
  Object.fromEntries(ORDER_RISK_V1.items.map((item) => [item.code, yes.includes(item.code) ? "yes" : rest]));
const nonCritical = ORDER_RISK_V1.items.filter((item) => !item.critical).map((item) => item.code);

describe("risk checklist", () => {
  test("the seeded version is a valid definition with 15–25 items, each text in ru, ky and en", () => {
    const definition = parseRiskInstrument(ORDER_RISK_V1);
    expect(definition.items.length).toBeGreaterThanOrEqual(15);
    expect(definition.items.length).toBeLessThanOrEqual(25);
    expect(definition.items.filter((item) => item.critical).map((item) => item.code)).toEqual(["strangulation", "threat_to_kill", "weapon"]);
  });

  test("levels follow the count of yes answers, exhaustively around the thresholds", () => {
    const { medium, high } = ORDER_RISK_V1.thresholds;
    for (let count = 0; count <= nonCritical.length; count++) {
      const score = scoreRisk(ORDER_RISK_V1, answersWith(nonCritical.slice(0, count)));
      expect(score.yesCount).toBe(count);
      expect(score.level).toBe(count >= high ? "high" : count >= medium ? "medium" : "standard");
    }
  });

  test("any critical yes makes the level high on its own; unknown never counts as yes", () => {
    for (const code of ["strangulation", "threat_to_kill", "weapon"]) {
      expect(scoreRisk(ORDER_RISK_V1, answersWith([code])).level).toBe("high");
    }
    const unknown = scoreRisk(ORDER_RISK_V1, answersWith([], "unknown"));
    expect(unknown).toEqual({ yesCount: 0, unknownCount: ORDER_RISK_V1.items.length, criticalYes: [], level: "standard" });
  });

  test("every item must be answered, with items of this version only", () => {
    expect(riskAnswersProblem(ORDER_RISK_V1, answersWith([]))).toBeNull();
    const { weapon: _weapon, ...missing } = answersWith([]);
    expect(riskAnswersProblem(ORDER_RISK_V1, missing)).toBe("missing");
    expect(riskAnswersProblem(ORDER_RISK_V1, { ...answersWith([]), invented: "yes" })).toBe("unknown_item");
    expect(riskAnswersProblem(ORDER_RISK_V1, { ...answersWith([]), weapon: "maybe" } as unknown as RiskAnswers)).toBe("missing");
  });

  test("professional judgement may raise the level with a reason, never lower it", () => {
    expect(finalRiskLevel("medium", null)).toEqual({ ok: true, level: "medium", raised: false });
    expect(finalRiskLevel("medium", { level: "high", reason: "Угрозы по телефону" })).toEqual({ ok: true, level: "high", raised: true });
    expect(finalRiskLevel("medium", { level: "high", reason: "  " })).toEqual({ ok: false, error: "reason_required" });
    expect(finalRiskLevel("high", { level: "standard", reason: "Помирились" })).toEqual({ ok: false, error: "lower_than_computed" });
    expect(finalRiskLevel("high", { level: "high", reason: null })).toEqual({ ok: true, level: "high", raised: false });
  });
});

describe("dated rule sets", () => {
  const base = ORDER_RULE_SETS[0];
  const amended: OrderRuleSet = { ...base, code: "amended", validFrom: new Date("2026-01-01T00:00:00Z"), defaultDays: 5, maxDays: 10 };

  test("the seeded rule sets are valid", () => {
    for (const rule of ORDER_RULE_SETS) expect(orderRuleSetSchema.parse(rule)).toEqual(rule);
  });

  test("an order gets the rule set in force at its issue time", () => {
    const rules = [amended, base];
    expect(ruleSetInForce(rules, new Date("2025-12-31T23:59:59Z"))?.code).toBe(base.code);
    expect(ruleSetInForce(rules, new Date("2026-01-01T00:00:00Z"))?.code).toBe("amended");
    expect(ruleSetInForce(rules, new Date("2010-01-01T00:00:00Z"))).toBeNull();
  });

  test("expiry, extension limits, check frequency and the expiry window come from the rule set", () => {
    const issuedAt = new Date("2026-03-01T10:00:00Z");
    expect(expiryFor(base, issuedAt)).toEqual(new Date("2026-03-04T10:00:00Z"));
    expect(expiryFor(base, issuedAt, 2)).toBeNull();
    expect(expiryFor(amended, issuedAt, 10)).toEqual(new Date("2026-03-11T10:00:00Z"));
    expect(expiryFor(amended, issuedAt, 11)).toBeNull();
    const order = { issuedAt, expiresAt: new Date("2026-03-04T10:00:00Z") };
    expect(latestExtension(base, issuedAt)).toEqual(new Date("2026-03-31T10:00:00Z"));
    expect(extensionProblem(base, order, new Date("2026-03-31T10:00:00Z"))).toBeNull();
    expect(extensionProblem(base, order, new Date("2026-03-31T10:00:01Z"))).toBe("beyond_limit");
    expect(extensionProblem(base, order, order.expiresAt)).toBe("not_later");
    expect(nextCheckDue(base, "high", issuedAt)).toEqual(new Date("2026-03-04T10:00:00Z"));
    expect(nextCheckDue(base, "standard", issuedAt)).toEqual(new Date("2026-03-08T10:00:00Z"));
    expect(isExpiringSoon(base, order.expiresAt, new Date("2026-03-02T10:00:00Z"))).toBe(true);
    expect(isExpiringSoon(base, order.expiresAt, new Date("2026-03-02T09:59:59Z"))).toBe(false);
    expect(isExpiringSoon(base, order.expiresAt, new Date("2026-03-04T10:00:00Z"))).toBe(false);
  });
});

describe("order status", () => {
  test("served, first check, extension, expiry and revocation move the status; ended orders stay ended", () => {
    expect(nextStatus("issued", "serve")).toBe("served");
    expect(nextStatus("served", "serve")).toBeNull();
    expect(nextStatus("served", "check_done")).toBe("active");
    expect(nextStatus("issued", "check_done")).toBeNull();
    expect(nextStatus("active", "extend")).toBe("extended");
    expect(nextStatus("issued", "extend")).toBeNull();
    expect(nextStatus("extended", "check_done")).toBe("extended");
    for (const ended of ["expired", "revoked"] as const) {
      for (const event of ["serve", "check_done", "extend", "expire", "revoke"] as const) expect(nextStatus(ended, event)).toBeNull();
    }
  });

  test("the outcome is computed from service and violations", () => {
    expect(orderOutcome({ servedAt: null, violationCount: 0 })).toBe("not_served");
    expect(orderOutcome({ servedAt: new Date(), violationCount: 0 })).toBe("kept");
    expect(orderOutcome({ servedAt: new Date(), violationCount: 2 })).toBe("violated");
  });
});
