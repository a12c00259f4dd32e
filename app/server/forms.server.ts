import type { z } from "zod";
import type { MessageKey } from "~/i18n/i18n";

import type { FieldErrors } from "~/kit/results";

export type { FieldErrors };
export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; formError?: MessageKey };

/**
 * Reads a form post and validates it with a strict zod schema whose messages are catalogue
 * keys. Unknown fields, repeated fields and files are refused as a whole, so no request can
 * assign what the form does not offer.
 */
export async function parseForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema): Promise<FormResult<z.infer<Schema>>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, fieldErrors: {}, formError: "error.badRequest" };
  }
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key in values) return { ok: false, fieldErrors: {}, formError: "error.badRequest" };
    values[key] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  let formError: MessageKey | undefined;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (issue.code === "unrecognized_keys" || field === undefined) formError = "error.badRequest";
    else fieldErrors[String(field)] ??= issue.message as MessageKey;
  }
  return { ok: false, fieldErrors, formError };
}
