import { z } from "zod";
import { GUARDIAN_CHOICES, type ConsentRule } from "./consent";

/**
 * Screening forms: strict schemas (unknown fields refuse the whole post), messages are catalogue
 * keys ("screening.error.*"). The answer form names the instrument version it was shown, so a
 * tampered or stale version is refused by the server (screening-session.server.ts).
 */

const uuid = (key: string) => z.string({ required_error: key, invalid_type_error: key }).trim().uuid(key);
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const OTHER_WORRY_MAX = 2000;

/** The consent form under the rule in force: the guardian choices differ per rule. */
export function startScreeningSchemaFor(rule: ConsentRule) {
  return z
    .object({
      personId: uuid("screening.error.person"),
      assent: z.literal("yes", { errorMap: () => ({ message: "screening.error.assent" }) }),
      guardian: z.enum(GUARDIAN_CHOICES[rule] as [string, ...string[]], { errorMap: () => ({ message: "screening.error.guardian" }) }),
    })
    .strict();
}
export type StartScreeningInput = z.infer<ReturnType<typeof startScreeningSchemaFor>>;

export const ANSWER_CHOICES = ["yes", "no", "declined", "text", "none"] as const;

export const answerSchema = z
  .object({
    instrumentVersionId: uuid("screening.error.version"),
    item: z.string().regex(/^[a-z0-9_]{1,40}$/, "screening.error.item"),
    answer: z.enum(ANSWER_CHOICES, { errorMap: () => ({ message: "screening.error.answer" }) }),
    otherWorry: z
      .string()
      .max(OTHER_WORRY_MAX, "screening.error.tooLong")
      .refine((value) => !CONTROL_CHARACTERS.test(value), "screening.error.answer")
      .optional(),
  })
  .strict()
  .refine((value) => value.answer !== "text" || (value.otherWorry ?? "").trim() !== "", { message: "screening.error.otherWorryEmpty", path: ["otherWorry"] });
export type AnswerInput = z.infer<typeof answerSchema>;

export const assignClinicianSchema = z.object({ userId: uuid("screening.error.clinician") }).strict();
