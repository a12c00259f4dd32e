import { z } from "zod";
import { localisedTextSchema } from "~/modules/screenings/instruments";

/**
 * The family-violence risk checklist as versioned data, like the screening instruments (decision
 * 016): items, the critical items and the thresholds live in the definition, never in code. An
 * order's assessments keep the version they used; a revised list is a new version.
 *
 * Scoring: "yes" answers are counted; a "yes" to any critical item (strangulation, threats to
 * kill, weapons…) makes the level high whatever the count. The officer's professional judgement
 * may raise the level, never lower it, and a raise needs a reason.
 */

export const RISK_LEVELS = ["standard", "medium", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** "unknown": the officer could not find out (never counted as yes, shown as a gap). */
export const RISK_ANSWERS = ["yes", "no", "unknown"] as const;
export type RiskAnswer = (typeof RISK_ANSWERS)[number];

const itemSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]+$/),
    text: localisedTextSchema,
    /** A "yes" here makes the level high on its own. */
    critical: z.boolean(),
  })
  .strict();

export const riskInstrumentSchema = z
  .object({
    instrument: z.literal("order-risk"),
    version: z.number().int().positive(),
    title: localisedTextSchema,
    source: z.string(),
    items: z.array(itemSchema).min(15).max(25),
    /** Counts of "yes" answers from which the level is medium / high. */
    thresholds: z.object({ medium: z.number().int().positive(), high: z.number().int().positive() }).strict(),
  })
  .strict()
  .superRefine((definition, ctx) => {
    const codes = definition.items.map((item) => item.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: "custom", message: "item codes must be unique" });
    if (definition.thresholds.high <= definition.thresholds.medium)
      ctx.addIssue({ code: "custom", message: "the high threshold must be above the medium one" });
  });
export type RiskInstrument = z.infer<typeof riskInstrumentSchema>;

export type RiskAnswers = Record<string, RiskAnswer>;

export type RiskScore = { yesCount: number; unknownCount: number; criticalYes: string[]; level: RiskLevel };

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

/** Every item must be answered (yes, no or unknown), and no answer may name an item the version lacks. */
export function riskAnswersProblem(definition: RiskInstrument, answers: RiskAnswers): "missing" | "unknown_item" | null {
  const codes = new Set(definition.items.map((item) => item.code));
  if (Object.keys(answers).some((code) => !codes.has(code))) return "unknown_item";
  if (definition.items.some((item) => !RISK_ANSWERS.includes(answers[item.code] as RiskAnswer))) return "missing";
  return null;
}

export function scoreRisk(definition: RiskInstrument, answers: RiskAnswers): RiskScore {
  const yes = definition.items.filter((item) => answers[item.code] === "yes");
  const criticalYes = yes.filter((item) => item.critical).map((item) => item.code);
  const yesCount = yes.length;
  const unknownCount = definition.items.filter((item) => answers[item.code] === "unknown").length;
  const level: RiskLevel =
    criticalYes.length > 0 || yesCount >= definition.thresholds.high ? "high" : yesCount >= definition.thresholds.medium ? "medium" : "standard";
  return { yesCount, unknownCount, criticalYes, level };
}

/**
 * The level that counts: the computed one, or a higher one by professional judgement (with a
 * reason). Lowering is refused — a checklist can miss danger, an officer must not talk it away.
 */
export function finalRiskLevel(
  computed: RiskLevel,
  judgement: { level: RiskLevel; reason: string | null } | null,
): { ok: true; level: RiskLevel; raised: boolean } | { ok: false; error: "lower_than_computed" | "reason_required" } {
  if (!judgement || judgement.level === computed) return { ok: true, level: computed, raised: false };
  if (rank(judgement.level) < rank(computed)) return { ok: false, error: "lower_than_computed" };
  if (!judgement.reason || judgement.reason.trim() === "") return { ok: false, error: "reason_required" };
  return { ok: true, level: judgement.level, raised: true };
}

/** Reads a stored definition; a malformed one is a deployment error, not user input. */
export function parseRiskInstrument(value: unknown): RiskInstrument {
  return riskInstrumentSchema.parse(value);
}
