import { describe, expect, test } from "vitest";
import {
  addMemberSchema,
  addMonths,
  closureRequestSchema,
  goalSchema,
  newGoalSchema,
  openPlanSchema,
  parseDay,
  planIntentSchemas,
  reviewSchema,
  todayIso,
} from "./support-plans.schema";

const PERSON = "3f1e8a52-2f4b-4c2a-9d9e-1a2b3c4d5e6f";
const AGENCY = "0b6a5a3e-8f0c-4b1e-9a55-7d3c2b1a0f9e";
const errors = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join(".") || "(form)", issue.message]));

describe("support-plan schemas", () => {
  test("open: grounds come from ticked checkboxes; 'other' needs its text; unknown fields are refused", () => {
    const ok = openPlanSchema.parse({ personId: PERSON, ground_school_absence: "on", ground_family_crisis: "on", reviewIntervalMonths: "3" });
    expect(ok).toEqual({
      personId: PERSON,
      grounds: ["school_absence", "family_crisis"],
      groundsOther: null,
      parentInvolvement: null,
      childView: null,
      reviewIntervalMonths: 3,
    });
    expect(errors(openPlanSchema.safeParse({ personId: PERSON, reviewIntervalMonths: "3" }))).toEqual({ grounds: "plan.error.grounds" });
    expect(errors(openPlanSchema.safeParse({ personId: PERSON, ground_other: "on", reviewIntervalMonths: "3" }))).toEqual({
      groundsOther: "plan.error.groundsOther",
    });
    expect(errors(openPlanSchema.safeParse({ personId: "nope", ground_other: "on", groundsOther: "x", reviewIntervalMonths: "13" }))).toEqual({
      personId: "plan.error.unknownPerson",
      reviewIntervalMonths: "plan.error.interval",
    });
    expect(openPlanSchema.safeParse({ personId: PERSON, ground_other: "on", groundsOther: "x", reviewIntervalMonths: "3", leadUserId: PERSON }).success).toBe(
      false,
    );
    expect(errors(openPlanSchema.safeParse({ personId: PERSON, ground_other: "on", groundsOther: "x".repeat(2001), reviewIntervalMonths: "3" }))).toEqual({
      groundsOther: "plan.error.tooLong",
    });
  });

  test("HTML is accepted as plain text (escaped on output)", () => {
    const parsed = addMemberSchema.parse({ version: "1", userId: PERSON, roleInPlan: "<b>психолог</b>" });
    expect(parsed.roleInPlan).toBe("<b>психолог</b>");
  });

  test("goals: responsible agency required, no past due date on creation, not_done needs a reason", () => {
    const base = { version: "1", text: "Цель", responsibleAgencyId: AGENCY, responsibleUserId: "", dueDate: addMonths(todayIso(), 1), status: "planned" };
    expect(newGoalSchema.parse(base)).toMatchObject({ responsibleUserId: null, dueDate: addMonths(todayIso(), 1) });
    expect(errors(newGoalSchema.safeParse({ ...base, responsibleAgencyId: "" }))).toEqual({ responsibleAgencyId: "plan.error.responsibleAgency" });
    expect(errors(newGoalSchema.safeParse({ ...base, dueDate: addMonths(todayIso(), -1) }))).toEqual({ dueDate: "plan.error.dueDatePast" });
    expect(goalSchema.safeParse({ ...base, dueDate: addMonths(todayIso(), -1) }).success).toBe(true);
    expect(errors(goalSchema.safeParse({ ...base, dueDate: addMonths(todayIso(), 120) }))).toEqual({ dueDate: "plan.error.dueDateFar" });
    expect(errors(goalSchema.safeParse({ ...base, dueDate: "31.02.2030" }))).toEqual({ dueDate: "plan.error.date" });
    expect(errors(goalSchema.safeParse({ ...base, status: "not_done" }))).toEqual({ notDoneReason: "plan.error.notDoneReason" });
    expect(errors(goalSchema.safeParse({ ...base, text: "" }))).toEqual({ text: "plan.error.goalText" });
  });

  test("closure: a reason is required; 'other' needs a justification; 'moved' needs a district", () => {
    expect(errors(closureRequestSchema.safeParse({ version: "2" }))).toEqual({ closureReason: "plan.error.closureReason" });
    expect(errors(closureRequestSchema.safeParse({ version: "2", closureReason: "other" }))).toEqual({
      closureJustification: "plan.error.closureJustification",
    });
    expect(errors(closureRequestSchema.safeParse({ version: "2", closureReason: "moved" }))).toEqual({ transferTerritoryId: "plan.error.transferTerritory" });
    expect(closureRequestSchema.safeParse({ version: "2", closureReason: "turned_18" }).success).toBe(true);
    expect(errors(planIntentSchemas.returnClosure.safeParse({ intent: "returnClosure", version: "3", comment: " " }))).toEqual({
      comment: "plan.error.returnComment",
    });
  });

  test("reviews: no future date; asking for closure needs a reason", () => {
    const base = { version: "1", reviewedOn: todayIso(), progressNote: "Прогресс", riskRating: "low", decision: "continue", closureReason: "" };
    expect(reviewSchema.parse(base)).toMatchObject({ closureReason: undefined });
    expect(errors(reviewSchema.safeParse({ ...base, reviewedOn: addMonths(todayIso(), 1) }))).toEqual({ reviewedOn: "plan.error.reviewedOnFuture" });
    expect(errors(reviewSchema.safeParse({ ...base, decision: "request_closure" }))).toEqual({ closureReason: "plan.error.closureReason" });
  });

  test("dates", () => {
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("29.02.2028")).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });
});
