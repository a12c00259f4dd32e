import { describe, expect, test } from "vitest";
import { ASQ_V1, CSSRS_SCREENER_V1, INSTRUMENT_DEFINITIONS, VULNERABILITY_V1 } from "~seeds/data/instruments";
import { CLOSED_ANSWERS, nextItem, parseDefinition, type ClosedAnswer } from "./instruments";
import { answersFollowDefinition, asqNeedsAcuity, scoreAsq, ScoringError, triage, vulnerabilityFindings } from "./scoring";

/** Every combination of yes/no/declined over `n` items. */
function combinations(n: number): ClosedAnswer[][] {
  if (n === 0) return [[]];
  return combinations(n - 1).flatMap((rest) => CLOSED_ANSWERS.map((answer) => [answer, ...rest]));
}

/** The expected ASQ result, written independently of the definition-driven scorer. */
function expectedAsq(four: ClosedAnswer[], acuity: ClosedAnswer | undefined) {
  const positive = four.some((answer) => answer === "yes" || answer === "declined");
  if (!positive) return "negative";
  return acuity === "yes" || acuity === "declined" ? "acute_positive" : "non_acute_positive";
}

describe("instrument definitions (seeded data)", () => {
  test("each definition is valid, every text flagged awaiting clinical validation in ru/ky/en", () => {
    for (const definition of INSTRUMENT_DEFINITIONS) {
      expect(parseDefinition(definition)).toEqual(definition);
      for (const text of [definition.title, ...definition.items.map((item) => item.text)]) {
        for (const locale of ["ru", "ky", "en"] as const) {
          expect(text[locale].text.trim()).not.toBe("");
          expect(text[locale].awaitingClinicalValidation).toBe(true);
        }
      }
    }
  });

  test("ASQ v1: four yes/no items, then the acuity item asked on any yes or refusal", () => {
    expect(ASQ_V1.items.map((item) => item.code)).toEqual(["asq1", "asq2", "asq3", "asq4", "asq5"]);
    expect(ASQ_V1.items.every((item) => item.kind === "yes_no")).toBe(true);
  });

  test("vulnerability v1 items and their finding codes", () => {
    expect(VULNERABILITY_V1.items.map((item) => [item.code, item.finding])).toEqual([
      ["bullying_or_racket", "racket"],
      ["violence_at_home", "violence_home"],
      ["neglect", "neglect"],
      ["sexual_abuse", "sexual_abuse"],
      ["parents_abroad", "parents_abroad"],
      ["substance_use", "substance_use"],
      ["other_worry", "other_worry"],
    ]);
  });
});

describe("ASQ scoring over every answer combination (3^4 × acuity)", () => {
  const all = combinations(4);
  test("there are 81 combinations of the four items", () => expect(all).toHaveLength(81));

  for (const four of all) {
    const base = Object.fromEntries(four.map((answer, n) => [`asq${n + 1}`, answer]));
    const positive = four.some((answer) => answer !== "no");
    if (!positive) {
      test(`${four.join(",")} → negative, acuity not asked`, () => {
        expect(asqNeedsAcuity(ASQ_V1, base)).toBe(false);
        expect(nextItem(ASQ_V1, base)).toBeNull();
        expect(scoreAsq(ASQ_V1, base)).toBe("negative");
        expect(answersFollowDefinition(ASQ_V1, base)).toBe(true);
        expect(answersFollowDefinition(ASQ_V1, { ...base, asq5: "no" })).toBe(false);
      });
      continue;
    }
    for (const acuity of CLOSED_ANSWERS) {
      test(`${four.join(",")} + acuity ${acuity} → ${expectedAsq(four, acuity)}`, () => {
        expect(asqNeedsAcuity(ASQ_V1, base)).toBe(true);
        expect(nextItem(ASQ_V1, base)?.code).toBe("asq5");
        expect(() => scoreAsq(ASQ_V1, base)).toThrow(ScoringError);
        const answers = { ...base, asq5: acuity };
        expect(nextItem(ASQ_V1, answers)).toBeNull();
        expect(scoreAsq(ASQ_V1, answers)).toBe(expectedAsq(four, acuity));
        expect(answersFollowDefinition(ASQ_V1, answers)).toBe(true);
      });
    }
  }

  test("a declined acuity item counts as acute (the safer reading)", () => {
    expect(scoreAsq(ASQ_V1, { asq1: "yes", asq2: "no", asq3: "no", asq4: "no", asq5: "declined" })).toBe("acute_positive");
  });

  test("a missing screening item cannot be scored", () => {
    expect(() => scoreAsq(ASQ_V1, { asq1: "no", asq2: "no", asq3: "no" })).toThrow(ScoringError);
  });

  test("questions come in order: the next one is the first unanswered", () => {
    expect(nextItem(ASQ_V1, {})?.code).toBe("asq1");
    expect(nextItem(ASQ_V1, { asq1: "no" })?.code).toBe("asq2");
    expect(nextItem(ASQ_V1, { asq1: "no", asq2: "yes", asq3: "no" })?.code).toBe("asq4");
  });

  test("answers outside the definition do not follow it", () => {
    expect(answersFollowDefinition(ASQ_V1, { asq1: "maybe", asq2: "no", asq3: "no", asq4: "no" })).toBe(false);
    expect(answersFollowDefinition(ASQ_V1, { asq1: "no", asq2: "no", asq3: "no", asq4: "no", extra: "yes" })).toBe(false);
  });
});

describe("vulnerability findings over every answer combination (3^6)", () => {
  const closed = VULNERABILITY_V1.items.filter((item) => item.kind === "yes_no");
  const all = combinations(closed.length);
  test("729 combinations, each gives exactly the findings of its yes answers", () => {
    expect(all).toHaveLength(729);
    for (const combination of all) {
      const answers = Object.fromEntries(closed.map((item, n) => [item.code, combination[n]]));
      const expected = closed.filter((_, n) => combination[n] === "yes").map((item) => item.finding);
      expect(vulnerabilityFindings(VULNERABILITY_V1, { ...answers, other_worry: "none" })).toEqual(expected);
      expect(vulnerabilityFindings(VULNERABILITY_V1, { ...answers, other_worry: "text" })).toEqual([...expected, "other_worry"]);
    }
  });
});

describe("C-SSRS screener triage over every answer combination", () => {
  const codes = CSSRS_SCREENER_V1.items.map((item) => item.code);
  const all = combinations(codes.length);
  /** The triage written independently: high on intent/plan (when asked) or recent behaviour; moderate on method or older behaviour. */
  function expected(a: Record<string, ClosedAnswer | undefined>) {
    const risky = (v: ClosedAnswer | undefined) => v === "yes" || v === "declined";
    const thoughts = risky(a.suicidal_thoughts);
    if ((thoughts && (risky(a.intent) || risky(a.plan))) || (risky(a.behaviour) && risky(a.behaviour_recent))) return "high";
    if ((thoughts && risky(a.method)) || risky(a.behaviour)) return "moderate";
    return "low";
  }
  test(`${all.length} combinations follow the triage rule (items not asked are dropped)`, () => {
    for (const combination of all) {
      const raw = Object.fromEntries(codes.map((code, n) => [code, combination[n]]));
      const asked: Record<string, ClosedAnswer> = {};
      for (const item of CSSRS_SCREENER_V1.items) {
        const trigger = item.askWhen;
        if (!trigger || trigger.anyOf.some((code) => (trigger.answers as string[]).includes(asked[code] ?? ""))) asked[item.code] = raw[item.code];
      }
      expect(answersFollowDefinition(CSSRS_SCREENER_V1, asked)).toBe(true);
      expect(triage(CSSRS_SCREENER_V1, asked)).toBe(expected(asked));
    }
  });
});
