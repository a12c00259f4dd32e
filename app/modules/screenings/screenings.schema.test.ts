import { describe, expect, test } from "vitest";
import { answerSchema, startScreeningSchemaFor } from "./screenings.schema";

const startScreeningSchema = startScreeningSchemaFor("assent_guardian_informed");

const VERSION = "4b0f6a0e-1c1e-4a6e-8a4e-0d6f7f1b2c3d";

describe("screening schemas", () => {
  test("start: the child's assent and a guardian choice of the rule are required; nothing else is accepted", () => {
    expect(startScreeningSchema.safeParse({ personId: VERSION, assent: "yes", guardian: "will_be_informed" }).success).toBe(true);
    expect(startScreeningSchema.safeParse({ personId: VERSION, guardian: "will_be_informed" }).error?.issues[0].message).toBe("screening.error.assent");
    expect(startScreeningSchema.safeParse({ personId: VERSION, assent: "yes", guardian: "whatever" }).error?.issues[0].message).toBe(
      "screening.error.guardian",
    );
    expect(startScreeningSchema.safeParse({ personId: VERSION, assent: "yes", guardian: "will_be_informed", territoryId: VERSION }).success).toBe(false);
    expect(startScreeningSchema.safeParse({ personId: "x", assent: "yes", guardian: "will_be_informed" }).success).toBe(false);
  });

  test("answer: closed answers, a bounded free text, and the instrument version", () => {
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "asq1", answer: "yes" }).success).toBe(true);
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "asq1", answer: "maybe" }).success).toBe(false);
    expect(answerSchema.safeParse({ instrumentVersionId: "v1", item: "asq1", answer: "yes" }).success).toBe(false);
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "ASQ1;drop", answer: "yes" }).success).toBe(false);
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "other_worry", answer: "text", otherWorry: "  " }).success).toBe(false);
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "other_worry", answer: "text", otherWorry: "x".repeat(2001) }).success).toBe(false);
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "other_worry", answer: "text", otherWorry: "Боюсь идти домой" }).success).toBe(true);
    expect(answerSchema.safeParse({ instrumentVersionId: VERSION, item: "asq1", answer: "yes", result: "negative" }).success).toBe(false);
  });
});
