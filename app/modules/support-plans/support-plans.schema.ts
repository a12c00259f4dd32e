import { z } from "zod";
import { recordVersion } from "~/forms/record-version";

/**
 * Support-plan forms: one strict schema per form, shared by react-hook-form (zodResolver) in
 * the browser and parseForm in the actions. Messages are catalogue keys ("plan.error.*").
 * Unknown fields are refused, so no form can set the lead, agency, territory or status.
 * Text is stored as typed (HTML included) and escaped on output by React.
 */

export const GROUNDS = [
  "offence_below_age",
  "antisocial_behaviour",
  "school_absence",
  "victim_of_violence",
  "victim_of_racket",
  "family_crisis",
  "parents_abroad",
  "substance_use",
  "suicide_risk",
  "other",
] as const;
export type Ground = (typeof GROUNDS)[number];
export const GOAL_STATUSES = ["planned", "in_progress", "done", "not_done"] as const;
export const RISK_RATINGS = ["low", "medium", "high"] as const;
export const REVIEW_DECISIONS = ["continue", "change_goals", "request_closure"] as const;
export const CLOSURE_REASONS = ["rehabilitated", "moved", "turned_18", "other"] as const;

export const TEXT_MAX = 2000;
export const NOTE_MAX = 4000;
export const ROLE_MAX = 200;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const requiredText = (requiredKey: string, max: number) =>
  z
    .string({ required_error: requiredKey, invalid_type_error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .max(max, "plan.error.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "plan.error.controlCharacters");

/** Empty → null; otherwise bounded text. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "plan.error.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "plan.error.controlCharacters")
    .optional()
    .transform((value) => (value ? value : null));

const uuid = (key: string) => z.string({ required_error: key, invalid_type_error: key }).trim().uuid(key);
const optionalUuid = (key: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || z.string().uuid().safeParse(value).success, key)
    .transform((value) => (value ? value : null));

const version = recordVersion(1);

/** Today in Bishkek as yyyy-mm-dd (dates are days in the user's time zone, not instants). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bishkek", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** yyyy-mm-dd (from <input type="date">) or DD.MM.YYYY → yyyy-mm-dd; impossible dates fail. */
export function parseDay(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dotted ? [dotted[3], dotted[2], dotted[1]].map(Number) : [NaN, NaN, NaN];
  if (!Number.isFinite(year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function addMonths(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

const day = (key: string) =>
  z
    .string({ required_error: key, invalid_type_error: key })
    .trim()
    .min(1, key)
    .transform((value, ctx) => {
      const parsed = parseDay(value);
      if (!parsed) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "plan.error.date" });
        return z.NEVER;
      }
      return parsed;
    });

/** Grounds are checkboxes named ground_<key> (one field each: repeated fields are refused). */
// In the browser react-hook-form gives a checkbox's value or false; the server sees "on" or nothing.
const checkbox = z.preprocess((value) => (value === true || value === "on" ? "on" : undefined), z.literal("on").optional());
const groundsShape = Object.fromEntries(GROUNDS.map((ground) => [`ground_${ground}`, checkbox])) as Record<`ground_${Ground}`, typeof checkbox>;

function collectGrounds(value: Record<string, unknown>): Ground[] {
  return GROUNDS.filter((ground) => value[`ground_${ground}`] === "on");
}

const narrativeShape = {
  groundsOther: optionalText(TEXT_MAX),
  parentInvolvement: optionalText(NOTE_MAX),
  childView: optionalText(NOTE_MAX),
  reviewIntervalMonths: z.coerce
    .number({ invalid_type_error: "plan.error.interval" })
    .int("plan.error.interval")
    .min(1, "plan.error.interval")
    .max(12, "plan.error.interval"),
};

function checkGrounds(value: { groundsOther: string | null } & Record<string, unknown>, ctx: z.RefinementCtx) {
  const grounds = collectGrounds(value);
  if (grounds.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["grounds"], message: "plan.error.grounds" });
  if (grounds.includes("other") && !value.groundsOther) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["groundsOther"], message: "plan.error.groundsOther" });
  }
}

type NarrativeValues = { groundsOther: string | null; parentInvolvement: string | null; childView: string | null; reviewIntervalMonths: number } & Record<
  string,
  unknown
>;

/** The checked grounds as a list, with the narrative fields and the review interval. */
const narrativeInput = (value: NarrativeValues) => ({
  grounds: collectGrounds(value),
  groundsOther: value.groundsOther,
  parentInvolvement: value.parentInvolvement,
  childView: value.childView,
  reviewIntervalMonths: value.reviewIntervalMonths,
});

/** Open a plan (or a pedagogue's proposal) for a person. */
export const openPlanSchema = z
  .object({ personId: uuid("plan.error.unknownPerson"), ...groundsShape, ...narrativeShape })
  .strict()
  .superRefine(checkGrounds)
  .transform((value) => ({ personId: value.personId, ...narrativeInput(value) }));
export type OpenPlanInput = z.output<typeof openPlanSchema>;

/** Edit grounds and the narrative fields of a plan. */
export const editPlanSchema = z
  .object({ version, ...groundsShape, ...narrativeShape })
  .strict()
  .superRefine(checkGrounds)
  .transform((value) => ({ version: value.version, ...narrativeInput(value) }));
export type EditPlanInput = z.output<typeof editPlanSchema>;

export const addMemberSchema = z
  .object({ version, userId: uuid("plan.error.unknownUser"), roleInPlan: requiredText("plan.error.roleInPlan", ROLE_MAX) })
  .strict();

/** A goal: created with the plan's version, updated with the goal's own version. */
export const goalSchema = z
  .object({
    version,
    text: requiredText("plan.error.goalText", TEXT_MAX),
    responsibleAgencyId: uuid("plan.error.responsibleAgency"),
    responsibleUserId: optionalUuid("plan.error.unknownUser"),
    dueDate: day("plan.error.dueDate"),
    status: z.enum(GOAL_STATUSES, { errorMap: () => ({ message: "plan.error.goalStatus" }) }),
    notDoneReason: optionalText(TEXT_MAX),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status === "not_done" && !value.notDoneReason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["notDoneReason"], message: "plan.error.notDoneReason" });
    }
    if (typeof value.dueDate === "string" && value.dueDate > addMonths(todayIso(), 60)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueDate"], message: "plan.error.dueDateFar" });
    }
  });
export type GoalInput = z.output<typeof goalSchema>;

/** On creation a goal cannot already be overdue (an update may keep an old due date). */
export const newGoalSchema = goalSchema.superRefine((value, ctx) => {
  if (typeof value.dueDate === "string" && value.dueDate < todayIso())
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueDate"], message: "plan.error.dueDatePast" });
});

const closureShape = {
  closureReason: z.enum(CLOSURE_REASONS, { errorMap: () => ({ message: "plan.error.closureReason" }) }),
  closureJustification: optionalText(TEXT_MAX),
  transferTerritoryId: optionalUuid("plan.error.unknownTerritory"),
};

function checkClosure(value: { closureReason?: string; closureJustification: string | null; transferTerritoryId: string | null }, ctx: z.RefinementCtx) {
  if (value.closureReason === "other" && !value.closureJustification) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closureJustification"], message: "plan.error.closureJustification" });
  }
  if (value.closureReason === "moved" && !value.transferTerritoryId) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["transferTerritoryId"], message: "plan.error.transferTerritory" });
  }
}

export const closureRequestSchema = z
  .object({ version, ...closureShape })
  .strict()
  .superRefine(checkClosure);
export type ClosureRequestInput = z.output<typeof closureRequestSchema>;

export const reviewSchema = z
  .object({
    version,
    reviewedOn: day("plan.error.reviewedOn"),
    progressNote: requiredText("plan.error.progressNote", NOTE_MAX),
    riskRating: z.enum(RISK_RATINGS, { errorMap: () => ({ message: "plan.error.riskRating" }) }),
    decision: z.enum(REVIEW_DECISIONS, { errorMap: () => ({ message: "plan.error.decision" }) }),
    closureReason: z
      .union([z.literal(""), closureShape.closureReason])
      .optional()
      .transform((value) => (value ? value : undefined)),
    closureJustification: closureShape.closureJustification,
    transferTerritoryId: closureShape.transferTerritoryId,
  })
  .strict()
  .superRefine((value, ctx) => {
    // A date that failed to parse has already been reported.
    if (typeof value.reviewedOn === "string" && value.reviewedOn > todayIso()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reviewedOn"], message: "plan.error.reviewedOnFuture" });
    }
    if (typeof value.reviewedOn === "string" && value.reviewedOn < addMonths(todayIso(), -12)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reviewedOn"], message: "plan.error.reviewedOnOld" });
    }
    if (value.decision === "request_closure") {
      if (!value.closureReason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closureReason"], message: "plan.error.closureReason" });
      else checkClosure(value, ctx);
    }
  });
export type ReviewInput = z.output<typeof reviewSchema>;

export const transferSchema = z.object({ version, leadUserId: uuid("plan.error.unknownUser") }).strict();

/** The small one-button forms on the plan page, told apart by `intent`. */
export const planIntentSchemas = {
  accept: z.object({ intent: z.literal("accept"), version, proposerRole: requiredText("plan.error.roleInPlan", ROLE_MAX) }).strict(),
  activate: z.object({ intent: z.literal("activate"), version }).strict(),
  removeMember: z.object({ intent: z.literal("removeMember"), version, memberId: uuid("error.badRequest") }).strict(),
  approveClosure: z.object({ intent: z.literal("approveClosure"), version, comment: optionalText(TEXT_MAX) }).strict(),
  returnClosure: z.object({ intent: z.literal("returnClosure"), version, comment: requiredText("plan.error.returnComment", TEXT_MAX) }).strict(),
  reopen: z.object({ intent: z.literal("reopen"), version }).strict(),
} as const;
export type PlanIntent = keyof typeof planIntentSchemas;
export const PLAN_INTENTS = Object.keys(planIntentSchemas) as PlanIntent[];

/** Caseload page query. */
export const caseloadQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional().default(1) }).strict();
