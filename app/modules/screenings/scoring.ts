import { isAsked, type InstrumentDefinition, type ItemAnswers } from "./instruments";

/**
 * Scoring as pure functions driven by the definition's rule (no database, no clock).
 *
 * ASQ (NIMH): a "yes" to any of the four screening items, or a refusal to answer one, is a
 * positive screen; then the acuity item is asked. A "yes" to the acuity item makes the screen
 * acute positive. **Kamkor's choice: a declined acuity item also counts as acute** — a child who
 * will not say whether they are thinking of suicide right now is treated as if they were, so
 * the immediate safety pathway starts (the safer error). The rule lives in the definition
 * (`acuteAnswers: ["yes", "declined"]`), so a clinical review can change it in a new version.
 */

/** A free-text item's stored answer: "text" (given, kept in its own column), "none" or "declined". */
export const FREE_TEXT_ANSWERS: readonly string[] = ["text", "none", "declined"];
const CLOSED: readonly string[] = ["yes", "no", "declined"];

export type AsqResult = "negative" | "non_acute_positive" | "acute_positive";
export type Triage = "low" | "moderate" | "high";

export class ScoringError extends Error {}

/** The ASQ result; throws ScoringError if an item that must be answered is missing. */
export function scoreAsq(definition: InstrumentDefinition, answers: ItemAnswers): AsqResult {
  const rule = definition.scoring;
  if (rule.type !== "asq") throw new ScoringError(`${definition.instrument} is not scored as ASQ`);
  const positiveAnswers: readonly string[] = rule.positiveAnswers;
  for (const code of rule.screeningItems) if (answers[code] === undefined) throw new ScoringError(`missing answer to ${code}`);
  const positive = rule.screeningItems.some((code) => positiveAnswers.includes(answers[code]));
  if (!positive) return "negative";
  const acuity = answers[rule.acuityItem];
  if (acuity === undefined) throw new ScoringError(`missing answer to ${rule.acuityItem}`);
  return (rule.acuteAnswers as readonly string[]).includes(acuity) ? "acute_positive" : "non_acute_positive";
}

/** Is the acuity item to be asked, given the screening items' answers? (Same rule as scoring.) */
export function asqNeedsAcuity(definition: InstrumentDefinition, answers: ItemAnswers): boolean {
  const rule = definition.scoring;
  if (rule.type !== "asq") return false;
  return rule.screeningItems.some((code) => (rule.positiveAnswers as readonly string[]).includes(answers[code] ?? ""));
}

/**
 * The clear finding codes of a findings-scored module (vulnerability): each closed item whose
 * answer is a finding answer, and each free-text item the child gave a text for (stored as the
 * marker "text"; the text itself lives in its own encrypted column). Only codes leave here.
 */
export function vulnerabilityFindings(definition: InstrumentDefinition, answers: ItemAnswers): string[] {
  const rule = definition.scoring;
  if (rule.type !== "findings") throw new ScoringError(`${definition.instrument} is not scored by findings`);
  const findings: string[] = [];
  for (const item of definition.items) {
    const answer = answers[item.code];
    if (answer === undefined || !item.finding) continue;
    const hit = item.kind === "free_text" ? answer === "text" : (rule.findingAnswers as readonly string[]).includes(answer);
    if (hit && !findings.includes(item.finding)) findings.push(item.finding);
  }
  return findings;
}

/** C-SSRS-style triage: the first rule whose conditions all hold; items not asked never match. */
export function triage(definition: InstrumentDefinition, answers: ItemAnswers): Triage {
  const rule = definition.scoring;
  if (rule.type !== "triage") throw new ScoringError(`${definition.instrument} is not scored by triage`);
  for (const candidate of rule.rules) {
    const holds = candidate.allOf.every(({ item, answers: matching }) => (matching as readonly string[]).includes(answers[item] ?? ""));
    if (holds) return candidate.triage;
  }
  return rule.otherwise;
}

/** Answers that follow the definition: each asked item answered validly, no answer to a skipped or unknown item. */
export function answersFollowDefinition(definition: InstrumentDefinition, answers: ItemAnswers): boolean {
  const codes = new Set(definition.items.map((item) => item.code));
  if (Object.keys(answers).some((code) => !codes.has(code))) return false;
  return definition.items.every((item) => {
    const answer = answers[item.code];
    if (!isAsked(item, answers)) return answer === undefined;
    if (answer === undefined) return false;
    return (item.kind === "free_text" ? FREE_TEXT_ANSWERS : CLOSED).includes(answer);
  });
}
