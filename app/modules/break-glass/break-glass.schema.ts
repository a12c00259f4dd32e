import { z } from "zod";
import { personSearchSchema } from "~/modules/people/people.schema";

/** The emergency-access request: who (search criteria), why (a real sentence), and the password again. */
export const breakGlassRequestSchema = z
  .object({
    pin: z.string().max(40).optional(),
    surname: z.string().max(100).optional(),
    birthDate: z.string().max(20).optional(),
    reason: z.string({ required_error: "breakGlass.error.reason" }).trim().min(20, "breakGlass.error.reason").max(2000, "breakGlass.error.reasonTooLong"),
    password: z.string({ required_error: "breakGlass.error.password" }).min(1, "breakGlass.error.password").max(256, "breakGlass.error.password"),
  })
  .strict()
  .superRefine((value, ctx) => {
    const criteria = personSearchSchema.safeParse({ pin: value.pin, surname: value.surname, birthDate: value.birthDate });
    if (!criteria.success) for (const issue of criteria.error.issues) ctx.addIssue(issue);
  })
  .transform((value) => ({
    criteria: personSearchSchema.parse({ pin: value.pin, surname: value.surname, birthDate: value.birthDate }),
    reason: value.reason,
    password: value.password,
  }));

export const breakGlassReviewSchema = z
  .object({
    grantId: z.string().uuid("error.badRequest"),
    verdict: z.enum(["justified", "not_justified"], { errorMap: () => ({ message: "breakGlass.error.verdict" }) }),
    comment: z.string().trim().max(2000, "breakGlass.error.reasonTooLong").optional(),
  })
  .strict();
