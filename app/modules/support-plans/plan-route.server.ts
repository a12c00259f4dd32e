import { json } from "@remix-run/node";
import type { MessageKey } from "~/i18n/i18n";
import { notFound } from "~/server/authorization.server";
import type { FieldErrors } from "~/server/forms.server";
import type { CommandResult, Conflict } from "./support-plan-commands.server";

/** Small helpers that keep the plan routes thin: id params, echoing a failed form, answers. */

const ID = /^[0-9a-f-]{36}$/i;

export function idParam(value: string | undefined): string {
  if (!value || !ID.test(value)) throw notFound();
  return value;
}

/** What the user typed, to refill the form after a refusal (works without JavaScript). */
export async function submittedValues(request: Request): Promise<Record<string, string>> {
  try {
    const data = await request.clone().formData();
    const values: Record<string, string> = {};
    for (const [key, value] of data.entries()) if (typeof value === "string" && key !== "version") values[key] = value.slice(0, 10_000);
    return values;
  } catch {
    return {};
  }
}

export type PlanActionData = {
  intent?: string;
  fieldErrors: FieldErrors;
  formError?: MessageKey;
  conflict?: Conflict;
  values: Record<string, string>;
};

export function formRefused(values: Record<string, string>, fieldErrors: FieldErrors, formError?: MessageKey, intent?: string) {
  return json<PlanActionData>({ intent, fieldErrors, formError, values }, 400);
}

/** A refused command: field errors (400) or a version conflict (409) with the current values. */
export function commandRefused(result: Exclude<CommandResult, { ok: true }>, values: Record<string, string>, intent?: string) {
  if ("conflict" in result) return json<PlanActionData>({ intent, fieldErrors: {}, conflict: result.conflict, values }, 409);
  return json<PlanActionData>({ intent, fieldErrors: result.fieldErrors, values }, 400);
}
