import { z } from "zod";

/** Shared by the forms (react-hook-form + zodResolver) and the actions. Messages are catalogue keys. */
export const passwordStepSchema = z
  .object({
    username: z
      .string({ required_error: "signIn.error.required.username", invalid_type_error: "signIn.error.required.username" })
      .trim()
      .min(1, "signIn.error.required.username")
      .max(100, "signIn.error.tooLong"),
    password: z
      .string({ required_error: "signIn.error.required.password", invalid_type_error: "signIn.error.required.password" })
      .min(1, "signIn.error.required.password")
      .max(256, "signIn.error.tooLong"),
  })
  .strict();

export const totpCodeSchema = z
  .object({
    code: z
      .string({ required_error: "totp.error.format", invalid_type_error: "totp.error.format" })
      .transform((value) => value.replace(/\s/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "totp.error.format")),
  })
  .strict();
