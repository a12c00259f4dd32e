import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "~/i18n/i18n";
import { parseForm } from "~/server/forms.server";
import type { CommandResult, FieldErrors, FormActionData, Refusal } from "./results";

/**
 * The body of a form action after authentication: parse with the form's strict zod schema → run
 * the command → redirect (post-redirect-get) on success; otherwise the page again with the
 * refusal and what was typed, so the form works before JavaScript loads.
 */

const VALUE_MAX = 10_000;

/** What the user typed, to refill the form after a refusal (never the version: the page reloads it). */
export async function submittedValues(request: Request, omit: readonly string[] = ["version"]): Promise<Record<string, string>> {
  try {
    const data = await request.clone().formData();
    const values: Record<string, string> = {};
    for (const [key, value] of data.entries()) if (typeof value === "string" && !omit.includes(key)) values[key] = value.slice(0, VALUE_MAX);
    return values;
  } catch {
    return {};
  }
}

/** A refused form: 400 with field errors or a form message; 409 for a version conflict. */
export function refusedForm(values: Record<string, string>, refusal: Omit<Refusal, "ok">, intent?: string) {
  const status = refusal.conflict ? 409 : 400;
  return json<FormActionData>({ intent, fieldErrors: refusal.fieldErrors, formError: refusal.formError, conflict: refusal.conflict, values }, status);
}

export function refusedFields(values: Record<string, string>, fieldErrors: FieldErrors, formError?: MessageKey, intent?: string) {
  return refusedForm(values, { fieldErrors, formError }, intent);
}

export async function formAction<S extends z.ZodTypeAny, T extends object>(
  request: Request,
  form: { schema: S; run: (input: z.output<S>) => Promise<CommandResult<T>>; next: (result: { ok: true } & T) => string; intent?: string },
) {
  const values = await submittedValues(request);
  const parsed = await parseForm(request, form.schema);
  if (!parsed.ok) return refusedFields(values, parsed.fieldErrors, parsed.formError, form.intent);
  const result = await form.run(parsed.data);
  if (!result.ok) return refusedForm(values, result, form.intent);
  throw redirect(form.next(result));
}
