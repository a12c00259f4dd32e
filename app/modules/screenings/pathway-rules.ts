import { isAsked, type InstrumentDefinition } from "./instruments";

/**
 * The rules of the screening pathways as pure functions (no database, no clock of their own):
 * deadlines by result, suggested actions by finding, the acute safety checklist and the
 * C-SSRS screener triage. Decision record: docs/decisions/017-screening-pathways.md.
 */

export type ScreeningResultCode = "negative" | "non_acute_positive" | "acute_positive";

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** Hours until the safety assessment is due, by result (negative: none). */
export const ASSESSMENT_DUE_HOURS: Record<ScreeningResultCode, number | null> = {
  acute_positive: 24,
  non_acute_positive: 72,
  negative: null,
};
export const RESCREEN_AFTER_DAYS = 30;

export type PathwayDeadlines = {
  assessmentDueAt: Date | null;
  rescreenDueAt: Date | null;
  /** The acute safety checklist must be completed before the pathway is safe. */
  checklistRequired: boolean;
};

export function pathwayDeadlines(result: ScreeningResultCode | null, completedAt: Date): PathwayDeadlines {
  const hours = result ? ASSESSMENT_DUE_HOURS[result] : null;
  const positive = result === "acute_positive" || result === "non_acute_positive";
  return {
    assessmentDueAt: hours === null ? null : new Date(completedAt.getTime() + hours * HOUR),
    rescreenDueAt: positive ? new Date(completedAt.getTime() + RESCREEN_AFTER_DAYS * DAY) : null,
    checklistRequired: result === "acute_positive",
  };
}

/** Overdue: an assessment is due, not done, and its deadline has passed (computed at read time). */
export function isAssessmentOverdue(facts: { assessmentDueAt: Date | null; assessmentDoneAt: Date | null }, now: Date): boolean {
  return facts.assessmentDueAt !== null && facts.assessmentDoneAt === null && facts.assessmentDueAt.getTime() < now.getTime();
}

// ---------------------------------------------------------------------------------------
// Vulnerability findings → suggested actions
// ---------------------------------------------------------------------------------------

export const ACTION_KINDS = ["refer_inspector", "refer_social_worker", "refer_psychologist", "propose_plan"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ReferralKind = Exclude<ActionKind, "propose_plan">;

/** The role a referral goes to (a user of that role in the screening's district). */
export const REFERRAL_ROLE: Record<ReferralKind, "juvenile_inspector" | "social_worker" | "school_psychologist"> = {
  refer_inspector: "juvenile_inspector",
  refer_social_worker: "social_worker",
  refer_psychologist: "school_psychologist",
};

export type SupportPlanGroundCode =
  | "offence_below_age"
  | "antisocial_behaviour"
  | "school_absence"
  | "victim_of_violence"
  | "victim_of_racket"
  | "family_crisis"
  | "parents_abroad"
  | "substance_use"
  | "suicide_risk"
  | "other";

/**
 * Finding code (the vulnerability instrument's `finding`) → referrals and the support-plan
 * grounds it pre-fills. Racket, violence at home and sexual abuse are possible crimes (juvenile
 * inspector); violence, sexual abuse, neglect and parents abroad are family situations (social
 * worker); bullying, other worry and substance use go to a psychologist. Unknown codes (a newer
 * instrument version) get a psychologist, never nothing.
 */
export const FINDING_RULES: Record<string, { referrals: readonly ReferralKind[]; grounds: readonly SupportPlanGroundCode[] }> = {
  // The item asks about bullying *or* racket (finding "racket"): racket is a possible crime (inspector), bullying needs a psychologist.
  racket: { referrals: ["refer_inspector", "refer_psychologist"], grounds: ["victim_of_racket"] },
  violence_home: { referrals: ["refer_inspector", "refer_social_worker"], grounds: ["victim_of_violence", "family_crisis"] },
  sexual_abuse: { referrals: ["refer_inspector", "refer_social_worker"], grounds: ["victim_of_violence"] },
  neglect: { referrals: ["refer_social_worker"], grounds: ["family_crisis"] },
  parents_abroad: { referrals: ["refer_social_worker"], grounds: ["parents_abroad"] },
  other_worry: { referrals: ["refer_psychologist"], grounds: ["other"] },
  substance_use: { referrals: ["refer_psychologist"], grounds: ["substance_use"] },
};
/** The finding codes this version can name (a newer instrument version may bring others). */
export const KNOWN_FINDINGS: readonly string[] = Object.keys(FINDING_RULES);
const UNKNOWN_FINDING = { referrals: ["refer_psychologist"] as const, grounds: [] as const };

/** Findings whose actions can never be dismissed without a recorded reason (racket, violence — sexual abuse is violence). */
export const REASON_REQUIRED_FINDINGS: readonly string[] = ["racket", "violence_home", "sexual_abuse"];
export const DISMISS_REASON_MIN = 10;

export type SuggestedAction = { kind: ActionKind; finding: string };

/**
 * The suggested actions for a screening's findings: one referral per (kind, finding), and one
 * support-plan proposal whose `finding` lists the findings behind its grounds (comma-separated).
 */
export function suggestedActions(findings: readonly string[]): SuggestedAction[] {
  const unique = [...new Set(findings)].sort();
  const actions: SuggestedAction[] = [];
  const planFindings: string[] = [];
  for (const finding of unique) {
    const rule = FINDING_RULES[finding] ?? UNKNOWN_FINDING;
    for (const kind of rule.referrals) actions.push({ kind, finding });
    if (rule.grounds.length > 0) planFindings.push(finding);
  }
  if (planFindings.length > 0) actions.push({ kind: "propose_plan", finding: planFindings.join(",") });
  return actions;
}

/**
 * The support-plan grounds a proposal action pre-fills: those of the vulnerability findings only.
 * Never "suicide risk" from the ASQ result: a plan is read by the whole multi-agency team and
 * printed, and the ASQ result is for the screener and the psychologists alone (the screener may
 * still tick it, as a decision of their own).
 */
export function planGroundsFor(finding: string): SupportPlanGroundCode[] {
  const grounds = new Set<SupportPlanGroundCode>();
  for (const code of finding.split(",")) for (const ground of (FINDING_RULES[code] ?? UNKNOWN_FINDING).grounds) grounds.add(ground);
  return [...grounds];
}

/** Does dismissing an action for this finding need a reason (≥ 10 characters)? */
export function dismissNeedsReason(finding: string): boolean {
  return finding.split(",").some((code) => REASON_REQUIRED_FINDINGS.includes(code));
}

// ---------------------------------------------------------------------------------------
// Acute safety checklist
// ---------------------------------------------------------------------------------------

export const CHECK_ITEMS = ["notAlone", "dangerousItemsRemoved", "psychologistCalled"] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** What is stored (encrypted JSON): each item with the time it was recorded. */
export type SafetyChecklist = {
  notAlone?: { at: string };
  dangerousItemsRemoved?: { at: string };
  psychologistCalled?: { at: string };
  guardian?: { status: "called"; at: string } | { status: "guardian_is_danger"; reason: string; at: string };
  emergency?: { status: "called" | "not_needed"; at: string };
};

export type ChecklistInput = {
  notAlone: boolean;
  dangerousItemsRemoved: boolean;
  psychologistCalled: boolean;
  guardian: "called" | "guardian_is_danger" | null;
  guardianReason: string | null;
  emergency: "called" | "not_needed" | null;
};

/**
 * Records newly ticked items at `now`; an item already recorded keeps its first time (ticks are
 * one-way: what was done was done). Returns the checklist and whether every item is now done.
 */
export function applyChecklist(previous: SafetyChecklist, input: ChecklistInput, now: Date): { checklist: SafetyChecklist; complete: boolean } {
  const at = now.toISOString();
  const next: SafetyChecklist = { ...previous };
  for (const item of CHECK_ITEMS) if (input[item] && !next[item]) next[item] = { at };
  if (!next.guardian && input.guardian === "called") next.guardian = { status: "called", at };
  if (!next.guardian && input.guardian === "guardian_is_danger" && input.guardianReason) {
    next.guardian = { status: "guardian_is_danger", reason: input.guardianReason, at };
  }
  if (!next.emergency && input.emergency) next.emergency = { status: input.emergency, at };
  return { checklist: next, complete: checklistComplete(next) };
}

export function checklistComplete(checklist: SafetyChecklist): boolean {
  return CHECK_ITEMS.every((item) => checklist[item] !== undefined) && checklist.guardian !== undefined && checklist.emergency !== undefined;
}

export function parseChecklist(json: string | null | undefined): SafetyChecklist {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as SafetyChecklist) : {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------
// C-SSRS screener triage (the rule is data: seeds/data/instruments.ts, "cssrs-screener")
// ---------------------------------------------------------------------------------------

export type Triage = "low" | "moderate" | "high";
export type TriageRule = {
  rules: readonly { triage: Triage; allOf: readonly { item: string; answers: readonly string[] }[] }[];
  otherwise: Triage;
};

/** The first rule whose conditions all hold gives the triage; else the rule's `otherwise`. */
export function triage(rule: TriageRule, answers: Readonly<Record<string, string>>): Triage {
  for (const candidate of rule.rules) {
    if (candidate.allOf.every((condition) => condition.answers.includes(answers[condition.item] ?? ""))) return candidate.triage;
  }
  return rule.otherwise;
}

type AnswerError = "pathway.error.answer" | "error.badRequest";

/** The answers as item code → answer, checked against the definition's skip logic; or field errors. */
export function assessmentAnswers(
  definition: InstrumentDefinition,
  input: Record<string, unknown>,
): { ok: true; answers: Record<string, string> } | { ok: false; fieldErrors: Record<string, AnswerError> } {
  const answers: Record<string, string> = {};
  const fieldErrors: Record<string, AnswerError> = {};
  const codes = new Set(definition.items.map((item) => item.code));
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith("item_") || value === undefined) continue;
    if (!codes.has(key.slice(5))) return { ok: false, fieldErrors: { form: "error.badRequest" } };
    answers[key.slice(5)] = String(value);
  }
  for (const item of definition.items) {
    if (item.kind !== "yes_no") continue;
    const asked = isAsked(item, answers);
    if (asked && answers[item.code] === undefined) fieldErrors[`item_${item.code}`] = "pathway.error.answer";
    // An answer to an item that is not asked (its condition does not hold) is dropped, not stored.
    if (!asked) delete answers[item.code];
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, answers };
}
