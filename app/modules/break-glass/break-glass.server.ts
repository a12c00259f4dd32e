import type { BreakGlassVerdict } from "~/generated/prisma/client.ts";
import { auditBy } from "~/kit/audit.server";
import { callerActor, type Caller } from "~/kit/request.server";
import { fieldError, type CommandResult } from "~/kit/results";
import { findPeopleMatching } from "~/modules/people/people.server";
import type { PersonSearchCriteria } from "~/modules/people/people.schema";
import { verifyPassword } from "~/server/auth/password.server";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { getEnv } from "~/server/env.server";
import { newId } from "~/server/ids.server";
import { mayRequestBreakGlass, mayReviewBreakGlass, reviewQueueScope } from "~policies/break-glass.policy";

/**
 * Break-glass: read access to a record outside one's scope in an emergency. It needs a written
 * reason and the password again (step-up), covers only the records that match exactly, is
 * read-only (the person policy never lets it update), expires (KAMKOR_BREAK_GLASS_MINUTES,
 * default 60) and lands in the district supervisor's review queue.
 * Lookups of active grants are in grants.server.ts (people.server needs them; this file needs people).
 */

/** Opened: the people the grants cover (none when nothing matched); refused: a wrong password. */
export type OpenResult = CommandResult<{ personIds: string[] }>;

export async function openBreakGlass(args: Caller & { criteria: PersonSearchCriteria; reason: string; password: string; now?: Date }): Promise<OpenResult> {
  const actor = callerActor(args);
  if (!mayRequestBreakGlass(actor)) return deny(args.user, args.context, { type: "area", id: "break-glass" });
  const prisma = await getPrisma();
  const account = await prisma.user.findUniqueOrThrow({ where: { id: args.user.id }, select: { passwordHash: true } });
  const check = await verifyPassword(account.passwordHash, args.password);
  if (!check.ok) {
    await auditBy(args, { action: "break_glass.open", decision: "failed", purpose: "step-up failed" });
    return fieldError("password", "breakGlass.error.wrongPassword");
  }
  const now = args.now ?? new Date();
  const expiresAt = new Date(now.getTime() + getEnv().KAMKOR_BREAK_GLASS_MINUTES * 60_000);
  const matches = await findPeopleMatching(args.criteria);
  for (const person of matches) {
    const grantId = newId();
    await prisma.breakGlassGrant.create({
      data: { id: grantId, userId: args.user.id, recordType: "person", recordId: person.id, reason: args.reason, createdAt: now, expiresAt },
    });
    await auditBy(args, { action: "break_glass.open", record: { type: "person", id: person.id }, purpose: `break-glass:${grantId}` });
  }
  if (matches.length === 0) {
    await auditBy(args, { action: "break_glass.open", purpose: "no match" });
  }
  return { ok: true, personIds: matches.map((person) => person.id) };
}

export type ReviewItem = {
  id: string;
  requester: { displayName: string; username: string };
  recordType: string;
  recordId: string;
  reason: string;
  createdAt: Date;
  expiresAt: Date;
  verdict: BreakGlassVerdict | null;
  reviewComment: string | null;
};

/** The supervisor's queue: unreviewed first, then the latest reviewed. */
export async function reviewQueue(args: Caller): Promise<ReviewItem[]> {
  const scope = reviewQueueScope(callerActor(args));
  if (!scope) return deny(args.user, args.context, { type: "area", id: "breakGlassReview" });
  const prisma = await getPrisma();
  const requesters = await prisma.user.findMany({
    where: { agency: { territoryId: scope.territoryId }, id: { not: scope.excludeUserId } },
    select: { id: true, displayName: true, username: true },
  });
  const byId = new Map(requesters.map((requester) => [requester.id, requester]));
  const grants = await prisma.breakGlassGrant.findMany({
    where: { userId: { in: [...byId.keys()] } },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    select: { id: true, userId: true, recordType: true, recordId: true, reason: true, createdAt: true, expiresAt: true, verdict: true, reviewComment: true },
  });
  const items = grants.map(({ userId, ...grant }) => ({ ...grant, requester: byId.get(userId)! }));
  return [...items.filter((item) => item.verdict === null), ...items.filter((item) => item.verdict !== null)];
}

export async function reviewBreakGlass(args: Caller & { grantId: string; verdict: BreakGlassVerdict; comment?: string }): Promise<void> {
  const prisma = await getPrisma();
  const grant = await prisma.breakGlassGrant.findUnique({ where: { id: args.grantId }, select: { id: true, userId: true } });
  const requester = grant ? await prisma.user.findUnique({ where: { id: grant.userId }, select: { agency: { select: { territoryId: true } } } }) : null;
  if (!grant || !requester || !mayReviewBreakGlass(callerActor(args), { userId: grant.userId, requesterTerritoryId: requester.agency.territoryId })) {
    return deny(args.user, args.context, { type: "break_glass_grant", id: args.grantId });
  }
  await prisma.breakGlassGrant.update({
    where: { id: grant.id },
    data: { verdict: args.verdict, reviewComment: args.comment || null, reviewedById: args.user.id, reviewedAt: new Date() },
  });
  await auditBy(args, {
    action: "break_glass.review",
    record: { type: "break_glass_grant", id: grant.id },
    fields: ["verdict", ...(args.comment ? ["reviewComment"] : [])],
    purpose: args.verdict,
  });
}
