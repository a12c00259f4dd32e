import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireArea, type AuthorizedUser } from "~/server/authorization.server";
import type { RequestContext } from "~/kit/request.server";

/**
 * What every screening route does first: authenticate (the people area: caseworkers only) and
 * check the id's shape (malformed: 404). The module functions then authorise with the
 * screening policy (audited 404).
 */
const ID = /^[0-9a-f-]{36}$/i;

export function idParam(value: string | null | undefined): string {
  if (!value || !ID.test(value)) throw notFound();
  return value;
}

export async function screeningRequest({
  request,
  context,
  params,
}: Pick<LoaderFunctionArgs, "request" | "context" | "params">): Promise<{ user: AuthorizedUser; context: RequestContext; screeningId: string }> {
  const user = await requireArea(request, context, "people");
  return { user, context, screeningId: idParam(params.screeningId) };
}
