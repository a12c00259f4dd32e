import { z } from "zod";

/** DD.MM.YYYY as typed by people → ISO yyyy-mm-dd; rejects impossible dates and future dates. */
export const birthDateField = z
  .string({ required_error: "people.error.birthDate", invalid_type_error: "people.error.birthDate" })
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{4}$/, "people.error.birthDate")
  .transform((value, ctx) => {
    const [day, month, year] = value.split(".").map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    if (!valid || year < 1900 || date.getTime() > Date.now()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "people.error.birthDate" });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });

export const pinField = z
  .string({ required_error: "people.error.pin", invalid_type_error: "people.error.pin" })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{14}$/, "people.error.pin"));

/** Search criteria: a PIN, or a surname with a birth date. Empty fields count as absent. */
export const personSearchSchema = z
  .object({
    pin: z.string().max(40).optional(),
    surname: z.string().max(100).optional(),
    birthDate: z.string().max(20).optional(),
  })
  .strict()
  .transform((value, ctx) => {
    const pin = value.pin?.trim();
    const surname = value.surname?.trim();
    const birthDate = value.birthDate?.trim();
    if (pin) {
      const parsed = pinField.safeParse(pin);
      if (!parsed.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["pin"], message: "people.error.pin" });
        return z.NEVER;
      }
      return { kind: "pin" as const, pin: parsed.data };
    }
    if (surname || birthDate) {
      if (!surname) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["surname"], message: "people.error.surname" });
      const date = birthDateField.safeParse(birthDate ?? "");
      if (!date.success) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["birthDate"], message: "people.error.birthDate" });
      if (!surname || !date.success) return z.NEVER;
      return { kind: "name" as const, surname, birthDate: date.data };
    }
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["pin"], message: "people.error.criteria" });
    return z.NEVER;
  });

export type PersonSearchCriteria = z.output<typeof personSearchSchema>;

/** Optional text: trimmed, empty becomes null; over-long text is refused (never cut). */
const optionalText = (max: number) =>
  z
    .string({ invalid_type_error: "people.error.tooLong" })
    .max(max * 2, "people.error.tooLong")
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || value.length <= max, "people.error.tooLong");

const requiredName = (empty: "people.error.surname" | "people.error.givenName") =>
  z.string({ required_error: empty, invalid_type_error: empty }).trim().min(1, empty).max(100, "people.error.tooLong");

/** Guardian relations: a short closed list, stored in the clear for statistics. */
export const GUARDIAN_RELATIONS = ["mother", "father", "grandmother", "grandfather", "aunt", "uncle", "sibling", "legal_guardian", "other"] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

/**
 * A new person. HTML is kept as text (React escapes it on output). `choice` is the answer to
 * the duplicate prompt: "check" (first submit), "different" (create anyway), or "same" with
 * `candidateId` (open that record, create nothing).
 */
export const personCreateSchema = z
  .object({
    surname: requiredName("people.error.surname"),
    givenName: requiredName("people.error.givenName"),
    patronymic: optionalText(100),
    birthDate: birthDateField,
    sex: z.enum(["female", "male"], { errorMap: () => ({ message: "people.error.sex" }) }),
    pin: z
      .string({ invalid_type_error: "people.error.pin" })
      .max(40, "people.error.pin")
      .optional()
      .transform((value) => value?.trim() ?? "")
      .pipe(z.union([z.literal("").transform(() => null), pinField])),
    address: optionalText(300),
    phone: optionalText(40).refine((value) => value === null || /^\+?[\d\s()-]{5,}$/.test(value), "people.error.phone"),
    notes: optionalText(2000),
    choice: z.enum(["check", "different", "same"], { errorMap: () => ({ message: "error.badRequest" }) }).default("check"),
    candidateId: z
      .string()
      .optional()
      .transform((value) => value || null)
      .pipe(z.string().uuid("error.badRequest").nullable()),
  })
  .strict();

export type PersonCreateInput = z.output<typeof personCreateSchema>;
export type PersonIdentityInput = Omit<PersonCreateInput, "choice" | "candidateId">;

/** Person-page actions: add a guardian by PIN, merge a duplicate into this record, undo a merge. */
export const personPageActionSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("addGuardian"),
        guardianPin: pinField,
        relation: z.enum(GUARDIAN_RELATIONS, { errorMap: () => ({ message: "people.error.relation" }) }),
      })
      .strict(),
    z.object({ intent: z.literal("merge"), duplicateId: z.string().uuid("error.badRequest") }).strict(),
    z.object({ intent: z.literal("unmerge"), mergeId: z.string().uuid("error.badRequest") }).strict(),
  ],
  { errorMap: () => ({ message: "error.badRequest" }) },
);
export type PersonPageAction = z.output<typeof personPageActionSchema>;
