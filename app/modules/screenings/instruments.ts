import { z } from "zod";

/**
 * Instruments as versioned data (decision 016). A definition lives in `instrument_version`
 * (JSON), seeded from seeds/data/instruments.ts; components and scoring read the definition,
 * never hard-coded questions. A validated translation or a new instrument is a new version row.
 *
 * Every text carries `awaitingClinicalValidation`: until a clinician signs a translation off,
 * the UI marks it for staff. Item codes are stable identifiers used in answers and findings.
 */

export const INSTRUMENTS = ["asq", "vulnerability", "cssrs-screener"] as const;
export type InstrumentName = (typeof INSTRUMENTS)[number];

/** The answers a child can give to a closed item; "declined" = the child chose not to answer. */
export const CLOSED_ANSWERS = ["yes", "no", "declined"] as const;
export type ClosedAnswer = (typeof CLOSED_ANSWERS)[number];

const translation = z.object({ text: z.string().min(1), awaitingClinicalValidation: z.boolean() }).strict();
export const localisedTextSchema = z.object({ ru: translation, ky: translation, en: translation }).strict();
export type LocalisedText = z.infer<typeof localisedTextSchema>;

const itemSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(["yes_no", "free_text"]),
    text: localisedTextSchema,
    /** Only asked when the condition holds (e.g. the ASQ acuity item, C-SSRS follow-ups). */
    askWhen: z
      .object({ anyOf: z.array(z.string()), answers: z.array(z.enum(CLOSED_ANSWERS)) })
      .strict()
      .optional(),
    /** Vulnerability module: the clear finding code a "yes" (or a non-empty free text) produces. */
    finding: z
      .string()
      .regex(/^[a-z_]+$/)
      .optional(),
    maxLength: z.number().int().positive().optional(),
  })
  .strict();
export type InstrumentItem = z.infer<typeof itemSchema>;

const asqScoring = z
  .object({
    type: z.literal("asq"),
    screeningItems: z.array(z.string()).min(1),
    /** Answers to a screening item that make the screen positive (NIMH: yes, or a refusal). */
    positiveAnswers: z.array(z.enum(CLOSED_ANSWERS)),
    acuityItem: z.string(),
    /** Answers to the acuity item that make a positive screen acute. */
    acuteAnswers: z.array(z.enum(CLOSED_ANSWERS)),
  })
  .strict();

const findingsScoring = z.object({ type: z.literal("findings"), findingAnswers: z.array(z.enum(CLOSED_ANSWERS)) }).strict();

const triageScoring = z
  .object({
    type: z.literal("triage"),
    /** Ordered: the first rule whose conditions all hold gives the triage; else `otherwise`. */
    rules: z.array(
      z
        .object({
          triage: z.enum(["low", "moderate", "high"]),
          allOf: z.array(z.object({ item: z.string(), answers: z.array(z.enum(CLOSED_ANSWERS)) }).strict()).min(1),
        })
        .strict(),
    ),
    otherwise: z.enum(["low", "moderate", "high"]),
  })
  .strict();

export const instrumentDefinitionSchema = z
  .object({
    instrument: z.enum(INSTRUMENTS),
    version: z.number().int().positive(),
    title: localisedTextSchema,
    source: z.string(),
    /** The ages the instrument is validated for (ASQ: 10–24); outside them it is not used. */
    ageRange: z
      .object({ min: z.number().int().min(0), max: z.number().int().max(130) })
      .strict()
      .optional(),
    items: z.array(itemSchema).min(1),
    scoring: z.discriminatedUnion("type", [asqScoring, findingsScoring, triageScoring]),
  })
  .strict();
export type InstrumentDefinition = z.infer<typeof instrumentDefinitionSchema>;

/** Full years of age on a day, from an ISO birth date (YYYY-MM-DD); null if it is not one. */
export function ageOn(birthDate: string | null | undefined, on: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? "");
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const beforeBirthday = on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day);
  return on.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

/** The instrument's age range when this age is outside it (so it must not be used); null when it may be used or the age is unknown. */
export function outsideAgeRange(definition: Pick<InstrumentDefinition, "ageRange">, age: number | null): { age: number; min: number; max: number } | null {
  const range = definition.ageRange;
  if (!range || age === null || (age >= range.min && age <= range.max)) return null;
  return { age, min: range.min, max: range.max };
}
export type AsqScoringRule = z.infer<typeof asqScoring>;
export type TriageScoringRule = z.infer<typeof triageScoring>;

/** Reads a stored definition; a malformed one is a deployment error, not user input. */
export function parseDefinition(value: unknown): InstrumentDefinition {
  return instrumentDefinitionSchema.parse(value);
}

export type ItemAnswers = Record<string, string>;

/** Is this item asked, given the answers so far? */
export function isAsked(item: InstrumentItem, answers: ItemAnswers): boolean {
  if (!item.askWhen) return true;
  const { anyOf, answers: triggering } = item.askWhen;
  return anyOf.some((code) => (triggering as readonly string[]).includes(answers[code] ?? ""));
}

/** Whether every item that must be asked has an answer. */
export function isInstrumentComplete(definition: InstrumentDefinition, answers: ItemAnswers): boolean {
  return nextItem(definition, answers) === null;
}

/** The next item to ask, in order, skipping items whose condition does not hold; null when done. */
export function nextItem(definition: InstrumentDefinition, answers: ItemAnswers): InstrumentItem | null {
  for (const item of definition.items) {
    if (answers[item.code] !== undefined) continue;
    // Items are ordered after the items their condition reads, so those are answered by now.
    if (isAsked(item, answers)) return item;
  }
  return null;
}
