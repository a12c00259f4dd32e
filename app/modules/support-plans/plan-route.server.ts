import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "~/i18n/i18n";
import { notFound, requireArea, type AuthorizedUser } from "~/server/authorization.server";
import { parseForm, type FieldErrors } from "~/server/forms.server";
import type { PlanAction } from "~policies/support-plan.policy";
import type { CommandResult, Conflict } from "./support-plan-commands.server";
import { authorizePlan, type Context, type PlanFacts } from "./support-plans.server";

/**
 * What every plan route does the same way, so that a route reads as: authenticate → parse →
 * command (which authorises with the plan policy, audited 404) → respond (redirect, or the form
 * again with field errors or the version conflict). Authentication comes before the body is read:
 * an anonymous post is sent to sign-in, never parsed (tests/unit/routes-authenticate.test.ts).
 */

const ID = /^[0-9a-f-]{36}$/i;

export function idParam(value: string | undefined): string {
  if (!value || !ID.test(value)) throw notFound();
  return value;
}

type RouteArgs = Pick<LoaderFunctionArgs, "request" | "context" | "params">;
export type PlanRequest = { user: AuthorizedUser; context: Context; planId: string };

/** /plans/:planId/…: the signed-in user with the plans area, and the plan id (malformed: 404). */
export async function planRequest({ request, context, params }: RouteArgs): Promise<PlanRequest> {
  const user = await requireArea(request, context, "plans");
  return { user, context, planId: idParam(params.planId) };
}

/** A plan form's loader: authenticate, then may this user do `action` on the plan (else audited 404). */
export async function authorizedPlan(args: RouteArgs, action: PlanAction): Promise<PlanRequest & { facts: PlanFacts }> {
  const plan = await planRequest(args);
  return { ...plan, facts: await authorizePlan(plan.user, plan.context, plan.planId, action) };
}

/** Where a saved plan form goes: the plan page with "Saved.". */
export const savedPlanHref = (planId: string) => `/plans/${planId}?saved`;

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

/**
 * The body of a plan form's action, after authentication: parse with the form's strict schema →
 * run the command → redirect to `next(id)` on success; otherwise the form again (400 field
 * errors, 409 conflict with the current values), refilled with what was typed.
 */
export async function planFormAction<S extends z.ZodTypeAny>(
  request: Request,
  form: { schema: S; run: (input: z.output<S>) => Promise<CommandResult>; next: (id: string) => string; intent?: string },
) {
  const values = await submittedValues(request);
  const parsed = await parseForm(request, form.schema);
  if (!parsed.ok) return formRefused(values, parsed.fieldErrors, parsed.formError, form.intent);
  const result = await form.run(parsed.data);
  if (!result.ok) return commandRefused(result, values, form.intent);
  throw redirect(form.next(result.id));
}

export type PlanCommand<T> = (args: PlanRequest & { input: T }) => Promise<CommandResult>;

/** The whole action of a /plans/:planId/… form: authenticate → parse → command → back to the plan (or `next`). */
export async function planCommandAction<S extends z.ZodTypeAny>(args: ActionFunctionArgs, schema: S, command: PlanCommand<z.output<S>>, next = savedPlanHref) {
  const plan = await planRequest(args);
  return planFormAction(args.request, { schema, run: (input) => command({ ...plan, input }), next: () => next(plan.planId) });
}
