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
