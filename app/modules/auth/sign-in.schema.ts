import { z } from "zod";

/** Shared by the forms (react-hook-form + zodResolver) and the actions. Messages are catalogue keys. */
export const passwordStepSchema = z
  .object({
    username: z.string().trim().min(1, "signIn.error.required.username").max(100, "signIn.error.tooLong"),
    password: z.string().min(1, "signIn.error.required.password").max(256, "signIn.error.tooLong"),
  })
  .strict();

export const totpCodeSchema = z
  .object({
    code: z
      .string()
      .transform((value) => value.replace(/\s/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "totp.error.format")),
  })
  .strict();
