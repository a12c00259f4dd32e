import { z } from "zod";
import { recordVersion } from "~/forms/record-version";
import { DISMISS_REASON_MIN } from "./pathway-rules";

/**
 * Pathway forms: strict schemas (unknown fields refuse the request), messages are catalogue
 * keys ("pathway.error.*"). Shared by the browser (react-hook-form) and the actions.
 */

export const TEXT_MAX = 4000;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "pathway.error.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "pathway.error.controlCharacters")
    .optional()
    .transform((value) => (value ? value : null));

const checkbox = z
  .literal("on", { errorMap: () => ({ message: "error.badRequest" }) })
  .optional()
  .transform((value) => value === "on");
const version = recordVersion(0);
const uuid = (key: string) => z.string({ required_error: key, invalid_type_error: key }).trim().uuid(key);

export const checklistSchema = z
  .object({
    version,
    notAlone: checkbox,
    dangerousItemsRemoved: checkbox,
    psychologistCalled: checkbox,
    guardian: z
      .enum(["called", "guardian_is_danger"], { errorMap: () => ({ message: "pathway.error.choice" }) })
      .optional()
      .transform((v) => v ?? null),
    guardianReason: optionalText(TEXT_MAX),
    emergency: z
      .enum(["called", "not_needed"], { errorMap: () => ({ message: "pathway.error.choice" }) })
      .optional()
      .transform((v) => v ?? null),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.guardian === "guardian_is_danger" && !value.guardianReason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["guardianReason"], message: "pathway.error.guardianReason" });
    }
  });
export type ChecklistFormInput = z.output<typeof checklistSchema>;

const answer = z.enum(["yes", "no", "declined"], { errorMap: () => ({ message: "pathway.error.answer" }) }).optional();

/** Item answers come as `item_<code>`; which items must be answered is decided with the definition. */
export const assessmentSchema = z
  .object({
    instrumentVersionId: uuid("pathway.error.instrument"),
    plan: optionalText(TEXT_MAX),
  })
  .catchall(answer)
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (key !== "instrumentVersionId" && key !== "plan" && !/^item_[a-z0-9_]{1,40}$/.test(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.unrecognized_keys, keys: [key] });
      }
    }
  });
export type AssessmentFormInput = z.output<typeof assessmentSchema>;

export const actionSchema = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal("take"),
      actionId: uuid("error.badRequest"),
      targetUserId: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : null)),
    })
    .strict(),
  z.object({ intent: z.literal("dismiss"), actionId: uuid("error.badRequest"), reason: optionalText(TEXT_MAX) }).strict(),
]);
export type ActionFormInput = z.output<typeof actionSchema>;

export const alertReadSchema = z.object({ alertId: uuid("error.badRequest") }).strict();

export { DISMISS_REASON_MIN };
