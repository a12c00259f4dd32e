import type { AppLoadContext } from "@remix-run/node";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { requireUser, type SignedInUser } from "~/server/auth/session.server";
import { mayOpenArea, type Area } from "~policies/navigation.policy";
import type { Actor, RoleName } from "~policies/roles";

/**
 * The one door to anything behind sign-in: authenticate, ask the policy, and answer 404 —
 * never 403, so nothing reveals whether a record exists — with an audited denial.
 */

export type AuthorizedUser = SignedInUser & { sessionId: string };

export function actorOf(user: SignedInUser): Actor {
  return { id: user.id, roles: user.roles as RoleName[], agencyId: user.agency.id, territoryId: user.agency.territoryId, agencyType: user.agency.type };
}

export function notFound(): Response {
  return new Response(null, { status: 404, statusText: "Not Found" });
}

/** Throws an audited 404. `record` names what was asked for (an area, or a record type and id). */
export async function deny(
  user: AuthorizedUser,
  context: Partial<AppLoadContext> | undefined,
  record: { type: string; id: string },
  purpose?: string,
): Promise<never> {
  await recordAudit({ actor: auditActor(user), action: "record.read_denied", decision: "denied", record, purpose, context });
  throw notFound();
}

/** For pages of one area of the app (audit log, administration…): signed in and allowed. */
export async function requireArea(request: Request, context: Partial<AppLoadContext> | undefined, area: Area): Promise<AuthorizedUser> {
  const user = await requireUser(request);
  if (!mayOpenArea(actorOf(user), area)) await deny(user, context, { type: "area", id: area });
  return user;
}
