import { describe, expect, test } from "vitest";
import { INSTRUMENT_DEFINITIONS } from "~seeds/data/instruments";
import {
  applyChecklist,
  assessmentAnswers,
  checklistComplete,
  dismissNeedsReason,
  FINDING_RULES,
  isAssessmentOverdue,
  pathwayDeadlines,
  planGroundsFor,
  suggestedActions,
  triage,
  type ChecklistInput,
  type TriageRule,
} from "./pathway-rules";

const HOUR = 3_600_000;
const cssrs = INSTRUMENT_DEFINITIONS.find((definition) => definition.instrument === "cssrs-screener")!;
const vulnerability = INSTRUMENT_DEFINITIONS.find((definition) => definition.instrument === "vulnerability")!;
if (cssrs.scoring.type !== "triage") throw new Error("C-SSRS definition has no triage rule");
const rule: TriageRule = cssrs.scoring;

describe("deadlines (controllable clock)", () => {
  const completedAt = new Date("2026-11-25T08:00:00.000Z");
  test("acute positive: assessment in 24 h, re-screen in 30 days, checklist required", () => {
    expect(pathwayDeadlines("acute_positive", completedAt)).toEqual({
      assessmentDueAt: new Date("2026-11-26T08:00:00.000Z"),
      rescreenDueAt: new Date("2026-12-25T08:00:00.000Z"),
      checklistRequired: true,
    });
  });
  test("non-acute positive: 72 h, re-screen in 30 days, no checklist", () => {
    expect(pathwayDeadlines("non_acute_positive", completedAt)).toEqual({
      assessmentDueAt: new Date("2026-11-28T08:00:00.000Z"),
      rescreenDueAt: new Date("2026-12-25T08:00:00.000Z"),
      checklistRequired: false,
    });
  });
  test("negative (or no result): nothing due", () => {
    for (const result of ["negative", null] as const)
      expect(pathwayDeadlines(result, completedAt)).toEqual({ assessmentDueAt: null, rescreenDueAt: null, checklistRequired: false });
  });
  test("overdue only after the due time passes and while not done", () => {
    const { assessmentDueAt } = pathwayDeadlines("acute_positive", completedAt);
    const facts = { assessmentDueAt, assessmentDoneAt: null };
    expect(isAssessmentOverdue(facts, new Date(completedAt.getTime() + 23 * HOUR))).toBe(false);
    expect(isAssessmentOverdue(facts, new Date(completedAt.getTime() + 24 * HOUR))).toBe(false);
    expect(isAssessmentOverdue(facts, new Date(completedAt.getTime() + 24 * HOUR + 1))).toBe(true);
    expect(
      isAssessmentOverdue({ assessmentDueAt, assessmentDoneAt: new Date(completedAt.getTime() + 30 * HOUR) }, new Date(completedAt.getTime() + 48 * HOUR)),
    ).toBe(false);
    expect(isAssessmentOverdue({ assessmentDueAt: null, assessmentDoneAt: null }, new Date(2100, 0, 1))).toBe(false);
  });
});

describe("suggested actions", () => {
  test("every finding of the vulnerability instrument has a rule", () => {
    const codes = vulnerability.items.map((item) => item.finding).filter(Boolean);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(FINDING_RULES[code as string], code).toBeDefined();
  });
  test("racket → inspector and psychologist; violence → inspector and social worker; one plan proposal with its findings", () => {
    expect(suggestedActions(["violence_home", "racket", "racket"])).toEqual([
      { kind: "refer_inspector", finding: "racket" },
      { kind: "refer_psychologist", finding: "racket" },
      { kind: "refer_inspector", finding: "violence_home" },
      { kind: "refer_social_worker", finding: "violence_home" },
      { kind: "propose_plan", finding: "racket,violence_home" },
    ]);
  });
  test("each finding alone", () => {
    const kinds = (finding: string) => suggestedActions([finding]).map((a) => a.kind);
    expect(kinds("sexual_abuse")).toEqual(["refer_inspector", "refer_social_worker", "propose_plan"]);
    expect(kinds("neglect")).toEqual(["refer_social_worker", "propose_plan"]);
    expect(kinds("parents_abroad")).toEqual(["refer_social_worker", "propose_plan"]);
    expect(kinds("substance_use")).toEqual(["refer_psychologist", "propose_plan"]);
    expect(kinds("other_worry")).toEqual(["refer_psychologist", "propose_plan"]);
    expect(kinds("unknown_new_code")).toEqual(["refer_psychologist"]);
    expect(suggestedActions([])).toEqual([]);
  });
  test("pre-filled grounds come from the findings only — never suicide risk, which would carry the ASQ result into a team document", () => {
    expect(planGroundsFor("racket,violence_home")).toEqual(["victim_of_racket", "victim_of_violence", "family_crisis"]);
    expect(planGroundsFor("parents_abroad")).toEqual(["parents_abroad"]);
    expect(planGroundsFor("neglect,sexual_abuse")).toEqual(["family_crisis", "victim_of_violence"]);
    expect(planGroundsFor("unknown_new_code")).toEqual([]);
  });
  test("racket and violence can never be dismissed without a reason", () => {
    expect(dismissNeedsReason("racket")).toBe(true);
    expect(dismissNeedsReason("violence_home")).toBe(true);
    expect(dismissNeedsReason("sexual_abuse")).toBe(true);
    expect(dismissNeedsReason("neglect,violence_home")).toBe(true);
    expect(dismissNeedsReason("neglect")).toBe(false);
    expect(dismissNeedsReason("other_worry,parents_abroad")).toBe(false);
  });
});

describe("acute safety checklist", () => {
  const none: ChecklistInput = {
    notAlone: false,
    dangerousItemsRemoved: false,
    psychologistCalled: false,
    guardian: null,
    guardianReason: null,
    emergency: null,
  };
  const t0 = new Date("2026-11-25T08:00:00.000Z");
  const t1 = new Date("2026-11-25T08:05:00.000Z");
  test("each tick is time-stamped once; complete when every item is done", () => {
    const first = applyChecklist({}, { ...none, notAlone: true, dangerousItemsRemoved: true }, t0);
    expect(first.complete).toBe(false);
    expect(first.checklist).toEqual({ notAlone: { at: t0.toISOString() }, dangerousItemsRemoved: { at: t0.toISOString() } });
    const second = applyChecklist(first.checklist, { ...none, notAlone: true, psychologistCalled: true, guardian: "called", emergency: "not_needed" }, t1);
    expect(second.complete).toBe(true);
    expect(second.checklist.notAlone).toEqual({ at: t0.toISOString() });
    expect(second.checklist.psychologistCalled).toEqual({ at: t1.toISOString() });
    expect(second.checklist.guardian).toEqual({ status: "called", at: t1.toISOString() });
    expect(second.checklist.emergency).toEqual({ status: "not_needed", at: t1.toISOString() });
  });
  test("guardian is the danger: needs the reason, then counts as done", () => {
    const all = { ...none, notAlone: true, dangerousItemsRemoved: true, psychologistCalled: true, emergency: "called" as const };
    expect(applyChecklist({}, { ...all, guardian: "guardian_is_danger", guardianReason: null }, t0).complete).toBe(false);
    const withReason = applyChecklist({}, { ...all, guardian: "guardian_is_danger", guardianReason: "Отчим угрожал ребёнку" }, t0);
    expect(withReason.complete).toBe(true);
    expect(withReason.checklist.guardian).toEqual({ status: "guardian_is_danger", reason: "Отчим угрожал ребёнку", at: t0.toISOString() });
    expect(checklistComplete({})).toBe(false);
  });
});

describe("C-SSRS screener triage over every answer combination", () => {
  const codes = cssrs.items.map((item) => item.code);
  const values = ["yes", "no", "declined"] as const;
  const risky = (value: string | undefined) => value === "yes" || value === "declined";
  /** Independent statement of the C-SSRS screener risk levels (declined counts as the riskier answer). */
  const oracle = (a: Record<string, string>) =>
    risky(a.intent) || risky(a.plan) || (risky(a.behaviour) && risky(a.behaviour_recent)) ? "high" : risky(a.method) || risky(a.behaviour) ? "moderate" : "low";

  test("the definition has the seven screener items in order", () => {
    expect(codes).toEqual(["wish_dead", "suicidal_thoughts", "method", "intent", "plan", "behaviour", "behaviour_recent"]);
  });

  test(`all ${3 ** 7} raw combinations: skip logic applied, triage matches the C-SSRS levels`, () => {
    let checked = 0;
    const seen = new Set<string>();
    for (let n = 0; n < 3 ** codes.length; n++) {
      const input: Record<string, string> = {};
      let rest = n;
      for (const code of codes) {
        input[`item_${code}`] = values[rest % 3];
        rest = Math.floor(rest / 3);
      }
      const parsed = assessmentAnswers(cssrs, input);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      // Follow-ups are kept only when their condition holds.
      expect("method" in parsed.answers).toBe(risky(parsed.answers.suicidal_thoughts));
      expect("behaviour_recent" in parsed.answers).toBe(risky(parsed.answers.behaviour));
      expect(triage(rule, parsed.answers)).toBe(oracle(parsed.answers));
      seen.add(JSON.stringify(parsed.answers));
      checked++;
    }
    expect(checked).toBe(3 ** 7);
    // Distinct answer sets after skip logic: (1 + 3 + 3·27)·... enumerated, each triaged.
    expect(seen.size).toBe(3 * (1 * 1 + 2 * 27) * (1 * 1 + 2 * 3));
  });

  test("levels at the edges", () => {
    const base = { wish_dead: "no", suicidal_thoughts: "no", behaviour: "no" };
    expect(triage(rule, base)).toBe("low");
    expect(triage(rule, { ...base, wish_dead: "yes" })).toBe("low");
    expect(triage(rule, { ...base, suicidal_thoughts: "yes", method: "no", intent: "no", plan: "no" })).toBe("low");
    expect(triage(rule, { ...base, suicidal_thoughts: "yes", method: "yes", intent: "no", plan: "no" })).toBe("moderate");
    expect(triage(rule, { ...base, behaviour: "yes", behaviour_recent: "no" })).toBe("moderate");
    expect(triage(rule, { ...base, behaviour: "yes", behaviour_recent: "yes" })).toBe("high");
    expect(triage(rule, { ...base, suicidal_thoughts: "yes", method: "no", intent: "yes", plan: "no" })).toBe("high");
    expect(triage(rule, { ...base, suicidal_thoughts: "declined", method: "no", intent: "no", plan: "declined" })).toBe("high");
  });

  test("missing answers to asked items are field errors; unknown items refuse the form", () => {
    expect(assessmentAnswers(cssrs, { item_wish_dead: "no" })).toEqual({
      ok: false,
      fieldErrors: { item_suicidal_thoughts: "pathway.error.answer", item_behaviour: "pathway.error.answer" },
    });
    expect(assessmentAnswers(cssrs, { item_wish_dead: "no", item_suicidal_thoughts: "yes", item_behaviour: "no" })).toEqual({
      ok: false,
      fieldErrors: { item_method: "pathway.error.answer", item_intent: "pathway.error.answer", item_plan: "pathway.error.answer" },
    });
    expect(assessmentAnswers(cssrs, { item_wish_dead: "no", item_bogus: "yes" })).toEqual({ ok: false, fieldErrors: { form: "error.badRequest" } });
  });
});
