import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { MessageKey } from "~/i18n/i18n";
import { notFound, requireArea, type AuthorizedUser } from "~/server/authorization.server";
import type { FieldErrors } from "~/server/forms.server";
import type { RequestContext } from "~/kit/request.server";

/**
 * What every pathway route does the same way: authenticate before reading anything (an
 * anonymous request goes to sign-in), a malformed id is a 404, and refused forms come back with
 * field errors and what was typed (the pages work before JavaScript loads).
 */

const ID = /^[0-9a-f-]{36}$/i;
type RouteArgs = Pick<LoaderFunctionArgs, "request" | "context" | "params">;

export type PathwayRequest = { user: AuthorizedUser; context: RequestContext; screeningId: string };

/** Casework roles (the alerts area); the pathway policy then decides per screening, with an audited 404. */
export async function pathwayUser({ request, context }: Pick<RouteArgs, "request" | "context">): Promise<{ user: AuthorizedUser; context: RequestContext }> {
  const user = await requireArea(request, context, "screeningAlerts");
  return { user, context };
}

export async function pathwayRequest(args: RouteArgs): Promise<PathwayRequest> {
  const { user, context } = await pathwayUser(args);
  const screeningId = args.params.screeningId;
  if (!screeningId || !ID.test(screeningId)) throw notFound();
  return { user, context, screeningId };
}

export type PathwayActionData = { fieldErrors: FieldErrors; formError?: MessageKey; values: Record<string, string>; actionId?: string };

export async function submittedValues(request: Request): Promise<Record<string, string>> {
  try {
    const data = await request.clone().formData();
    const values: Record<string, string> = {};
    for (const [key, value] of data.entries()) if (typeof value === "string") values[key] = value.slice(0, 10_000);
    return values;
  } catch {
    return {};
  }
}

export function refused(values: Record<string, string>, fieldErrors: FieldErrors, formError?: MessageKey, status = 400) {
  return json<PathwayActionData>({ fieldErrors, formError, values, actionId: values.actionId }, status);
}
