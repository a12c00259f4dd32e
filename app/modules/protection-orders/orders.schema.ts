import { z } from "zod";
import { recordVersion } from "~/forms/record-version";
import { checkbox, choice, optionalText, parseBishkekDateTime, pastDateTime, recordIdField, requiredText } from "~/kit/fields";
import { RISK_ANSWERS, RISK_LEVELS, type RiskAnswers } from "./risk-instrument";

/**
 * Protection-order forms: one strict schema per form, shared by the browser and the actions.
 * Messages are catalogue keys ("order.error.*", "form.error.*"). Unknown fields refuse the request,
 * so no form can set the officer, agency, district or status. Risk answers (`risk_<item>`) and
 * children (`child_<person id>`) have keys known only at run time: they are gathered first, then
 * checked against the checklist version and the household on the server.
 */

export const ORDER_REASONS = ["physical", "psychological", "sexual", "economic", "neglect", "bride_kidnapping", "early_marriage"] as const;
export type OrderReasonName = (typeof ORDER_REASONS)[number];
export const CONDITION_KINDS = ["no_violence", "no_contact", "no_approach", "no_whereabouts", "attend_programme", "other"] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];
export const CHECK_METHODS = ["visit", "call", "private_meeting"] as const;
export const CHECK_OUTCOMES = ["complied", "concern", "violation_found", "not_reached"] as const;
export const VIOLATION_ACTIONS = ["warning", "administrative", "criminal_referral"] as const;
export const NOTICE_KINDS = ["served", "expiring"] as const;
export const NOTICE_METHODS = ["phone", "sms", "in_person"] as const;
export const PROTECTED_CONFIRMATIONS = ["yes", "no", "not_asked"] as const;

export const NARRATIVE_MAX = 8000;
export const NOTE_MAX = 4000;
export const REFERENCE_MAX = 200;
export const APPROACH_METRES_MAX = 5000;

const version = recordVersion(1);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Gathers `risk_<code>` fields into `riskAnswers` and `child_<id>` checkboxes into `childIds`, so
 * the object schema after it stays strict. A malformed dynamic key is left in place and refused.
 */
function gatherDynamicFields(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const rest: Record<string, unknown> = {};
  const riskAnswers: Record<string, unknown> = {};
  const childIds: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const risk = /^risk_([a-z0-9_]+)$/.exec(key);
    const child = /^child_(.+)$/.exec(key);
    if (risk) riskAnswers[risk[1]] = field;
    else if (child && UUID.test(child[1]) && (field === "on" || field === true)) childIds.push(child[1].toLowerCase());
    else if (!child || field !== false) rest[key] = field;
  }
  return { ...rest, riskAnswers, childIds };
}

const riskAnswers = z.record(z.enum(RISK_ANSWERS, { errorMap: () => ({ message: "order.error.riskAnswer" }) })) as z.ZodType<RiskAnswers>;

/** The checklist with optional professional judgement (raise only, with a reason: checked with the score). */
const riskShape = {
  instrumentVersionId: recordIdField("error.badRequest"),
  riskAnswers,
  judgementLevel: choice(RISK_LEVELS, "order.error.riskLevel")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  judgementReason: optionalText(NOTE_MAX),
};

const conditionShape = Object.fromEntries(CONDITION_KINDS.map((kind) => [`cond_${kind}`, checkbox])) as Record<`cond_${ConditionKind}`, typeof checkbox>;

const metres = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > APPROACH_METRES_MAX) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "order.error.metres" });
      return z.NEVER;
    }
    return number;
  });

export const issueOrderSchema = z.preprocess(
  gatherDynamicFields,
  z
    .object({
      protectedPersonId: recordIdField("order.error.protectedPerson"),
      respondentPersonId: recordIdField("order.error.respondent"),
      childIds: z.array(z.string()).max(20, "error.badRequest"),
      reason: choice(ORDER_REASONS, "order.error.reason"),
      issuedAt: pastDateTime("order.error.issuedAt"),
      days: z.coerce.number({ invalid_type_error: "order.error.days" }).int("order.error.days").min(1, "order.error.days").max(366, "order.error.days"),
      narrative: requiredText("order.error.narrative", NARRATIVE_MAX),
      ...conditionShape,
      approachMetres: metres,
      otherCondition: optionalText(NOTE_MAX),
      ...riskShape,
    })
    .strict()
    .superRefine((value, ctx) => {
      if (value.protectedPersonId === value.respondentPersonId) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["respondentPersonId"], message: "order.error.samePerson" });
      }
      if (!CONDITION_KINDS.some((kind) => value[`cond_${kind}`]))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["conditions"], message: "order.error.conditions" });
      if (value.cond_no_approach && value.approachMetres === null)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["approachMetres"], message: "order.error.metres" });
      if (value.cond_other && !value.otherCondition)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["otherCondition"], message: "order.error.otherCondition" });
    }),
);
export type IssueOrderInput = z.output<typeof issueOrderSchema>;

/** The ticked conditions as rows to store. */
export function conditionsOf(input: IssueOrderInput): { kind: ConditionKind; distanceMetres: number | null; details: string | null }[] {
  return CONDITION_KINDS.filter((kind) => input[`cond_${kind}`]).map((kind) => ({
    kind,
    distanceMetres: kind === "no_approach" ? input.approachMetres : null,
    details: kind === "other" ? input.otherCondition : null,
  }));
}

export const serveSchema = z.object({ version, servedAt: pastDateTime("order.error.servedAt"), serviceNote: optionalText(NOTE_MAX) }).strict();
export type ServeInput = z.output<typeof serveSchema>;

export const checkSchema = z.preprocess(
  gatherDynamicFields,
  z
    .object({
      version,
      childIds: z.array(z.string()).max(0, "error.badRequest"),
      doneAt: pastDateTime("order.error.doneAt"),
      method: choice(CHECK_METHODS, "order.error.method"),
      outcome: choice(CHECK_OUTCOMES, "order.error.outcome"),
      note: optionalText(NOTE_MAX),
      protectedConfirmed: choice(PROTECTED_CONFIRMATIONS, "order.error.confirmation"),
      protectedStatement: optionalText(NOTE_MAX),
      ...riskShape,
    })
    .strict(),
);
export type CheckInput = z.output<typeof checkSchema>;

export const riskSchema = z.preprocess(
  gatherDynamicFields,
  z.object({ version, childIds: z.array(z.string()).max(0, "error.badRequest"), ...riskShape }).strict(),
);
export type RiskInput = z.output<typeof riskSchema>;

export const violationSchema = z
  .object({
    version,
    conditionId: recordIdField("order.error.condition"),
    occurredAt: pastDateTime("order.error.occurredAt"),
    description: requiredText("order.error.description", NOTE_MAX),
    action: choice(VIOLATION_ACTIONS, "order.error.action"),
  })
  .strict();
export type ViolationInput = z.output<typeof violationSchema>;

export const extendSchema = z
  .object({
    version,
    newExpiresAt: z
      .string({ required_error: "order.error.newExpiresAt" })
      .trim()
      .min(1, "order.error.newExpiresAt")
      .transform((value, ctx) => {
        const at = parseBishkekDateTime(value);
        if (!at) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.error.dateTime" });
          return z.NEVER;
        }
        return at;
      }),
    decisionReference: requiredText("order.error.decisionReference", REFERENCE_MAX),
  })
  .strict();
export type ExtendInput = z.output<typeof extendSchema>;

export const revokeSchema = z.object({ version, revocationReason: requiredText("order.error.revocationReason", NOTE_MAX) }).strict();
export type RevokeInput = z.output<typeof revokeSchema>;

export const noticeSchema = z
  .object({
    version,
    kind: choice(NOTICE_KINDS, "order.error.noticeKind"),
    method: choice(NOTICE_METHODS, "order.error.noticeMethod"),
    toldAt: pastDateTime("order.error.toldAt"),
  })
  .strict();
export type NoticeInput = z.output<typeof noticeSchema>;

export const handOverSchema = z.object({ version, responsibleUserId: recordIdField("order.error.officer") }).strict();
export type HandOverInput = z.output<typeof handOverSchema>;
