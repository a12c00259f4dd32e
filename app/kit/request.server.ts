import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, deny, notFound, requireArea, type AuthorizedUser } from "~/server/authorization.server";
import type { Area } from "~policies/navigation.policy";
import type { Actor } from "~policies/roles";

/**
 * Who is asking, and through which request: what every route hands to a module function and
 * every command receives. Routes authenticate first (signedIn / recordRequest), before reading a
 * body; module functions then authorise each record with its policy (authorizeRecord).
 */

/** What the Express server passes to loaders and actions (request id, IP for the audit log). */
export type RequestContext = Partial<AppLoadContext> | undefined;

/** The signed-in user and the request context: the first argument of module functions. */
export type Caller = { user: AuthorizedUser; context: RequestContext };

/** A command's arguments: the caller and the validated input. */
export type CommandArgs<Input, Extra extends object = object> = Caller & { input: Input } & Extra;

export type RouteArgs = Pick<LoaderFunctionArgs, "request" | "context" | "params">;

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && RECORD_ID.test(value);
}

/** A record id from the URL. Malformed ids are a plain 404: nothing was looked up, so nothing to audit. */
export function idParam(value: string | null | undefined): string {
  if (!isRecordId(value)) throw notFound();
  return value;
}

/** Signed in (else to sign-in) and allowed into `area` (else an audited 404). */
export async function signedIn({ request, context }: Pick<RouteArgs, "request" | "context">, area: Area): Promise<Caller> {
  const user = await requireArea(request, context, area);
  return { user, context };
}

/** A page of one record (`/plans/:planId/…`): signed in, allowed into `area`, and the record's id (malformed: 404). */
export async function recordRequest(args: RouteArgs, area: Area, param: string): Promise<Caller & { id: string }> {
  const caller = await signedIn(args, area);
  return { ...caller, id: idParam(args.params[param]) };
}

export function callerActor(caller: Caller): Actor {
  return actorOf(caller.user);
}

/**
 * Loads a record's policy facts and asks the policy. Missing, out of scope and not allowed all
 * answer the same audited 404, so nobody learns whether a record exists.
 */
export async function authorizeRecord<Facts>(
  caller: Caller,
  record: { type: string; id: string },
  load: () => Promise<Facts | null | undefined>,
  may: (actor: Actor, facts: Facts) => boolean,
  purpose?: string,
): Promise<Facts> {
  const facts = await load();
  if (facts === null || facts === undefined || !may(actorOf(caller.user), facts)) return deny(caller.user, caller.context, record, purpose);
  return facts;
}
