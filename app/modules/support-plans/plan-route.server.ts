// Support plans: what the /plans/:planId/… routes share, on top of the module kit.
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { formAction } from "~/kit/form-action.server";
import { recordRequest, type Caller, type RouteArgs } from "~/kit/request.server";
import type { CommandResult } from "~/kit/results";
import type { PlanAction } from "~policies/support-plan.policy";
import { authorizePlan, type PlanFacts } from "./plan-facts.server";
import type { PlanArgs } from "./plan-write.server";

/**
 * A plan route reads as: authenticate → parse → command (which authorises with the plan policy,
 * audited 404) → respond (redirect, or the form again with field errors or the version
 * conflict). Authentication comes before the body is read: an anonymous post is sent to
 * sign-in, never parsed (tests/unit/routes-authenticate.test.ts).
 */

export type PlanRequest = Caller & { planId: string };

/** /plans/:planId/…: the signed-in user with the plans area, and the plan id (malformed: 404). */
export async function planRequest(args: RouteArgs): Promise<PlanRequest> {
  const { id, ...caller } = await recordRequest(args, "plans", "planId");
  return { ...caller, planId: id };
}

/** A plan form's loader: authenticate, then may this user do `action` on the plan (else audited 404). */
export async function authorizedPlan(args: RouteArgs, action: PlanAction): Promise<PlanRequest & { facts: PlanFacts }> {
  const plan = await planRequest(args);
  return { ...plan, facts: await authorizePlan(plan, plan.planId, action) };
}

/** Where a saved plan form goes: the plan page with "Saved.". */
export const savedPlanHref = (planId: string) => `/plans/${planId}?saved`;

export type PlanCommand<T> = (args: PlanArgs<T>) => Promise<CommandResult>;

/** The whole action of a /plans/:planId/… form: authenticate → parse → command → back to the plan (or `next`). */
export async function planCommandAction<S extends z.ZodTypeAny>(args: ActionFunctionArgs, schema: S, command: PlanCommand<z.output<S>>, next = savedPlanHref) {
  const plan = await planRequest(args);
  return formAction(args.request, { schema, run: (input) => command({ ...plan, input }), next: () => next(plan.planId) });
}
