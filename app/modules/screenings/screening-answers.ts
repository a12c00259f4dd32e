// Stored answers and the order of questions: parsing the answers JSON, the next question, progress (pure).
import type { Session, InstrumentVersionRow } from "./instrument-versions.server";
import { nextItem, type InstrumentItem } from "./instruments";
import { scoreAsq } from "./scoring";

/** The encrypted JSON in screening.answers; the "other worry" text itself is in its own column. */
export type StoredAnswers = { asq: Record<string, string>; vulnerability: Record<string, string> };

export function parseAnswers(json: string | null | undefined): StoredAnswers {
  if (!json) return { asq: {}, vulnerability: {} };
  try {
    const value = JSON.parse(json) as Partial<StoredAnswers>;
    return { asq: { ...(value.asq ?? {}) }, vulnerability: { ...(value.vulnerability ?? {}) } };
  } catch {
    return { asq: {}, vulnerability: {} };
  }
}

/** The next question of a session: ASQ first; after an acute ASQ result nothing more is asked. */
export function nextQuestion(
  session: Session,
  answers: StoredAnswers,
): { part: "asq" | "vulnerability"; instrument: InstrumentVersionRow; item: InstrumentItem } | null {
  const asqItem = nextItem(session.asq.definition, answers.asq);
  if (asqItem) return { part: "asq", instrument: session.asq, item: asqItem };
  // Acute positive: the session ends at once and the safety pathway starts (decision 016).
  if (scoreAsq(session.asq.definition, answers.asq) === "acute_positive") return null;
  if (!session.vulnerability) return null;
  const vulnerabilityItem = nextItem(session.vulnerability.definition, answers.vulnerability);
  return vulnerabilityItem ? { part: "vulnerability", instrument: session.vulnerability, item: vulnerabilityItem } : null;
}

/** Questions asked so far and the most that can still be asked, for "question n of about m". */
export function progress(session: Session, answers: StoredAnswers): { answered: number; total: number } {
  const answered = Object.keys(answers.asq).length + Object.keys(answers.vulnerability).length;
  const asqTotal = session.asq.definition.items.filter(
    (item) => !item.askWhen || answers.asq[item.code] !== undefined || nextItem(session.asq.definition, answers.asq)?.code === item.code,
  ).length;
  const total = asqTotal + (session.vulnerability?.definition.items.length ?? 0);
  return { answered, total: Math.max(total, answered + 1) };
}

/** Did the child answer "yes" to (or decline) a suicide-risk question? */
export function positiveSoFar(answers: StoredAnswers): boolean {
  return Object.values(answers.asq).some((answer) => answer === "yes" || answer === "declined");
}
