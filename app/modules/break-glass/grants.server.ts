import { getPrisma } from "~/server/db.server";

/**
 * Read-only lookups of break-glass grants, for the person policy checks (people.server), the
 * banner and the break-glass page. Kept apart from the commands in break-glass.server.ts so
 * that people.server can use them without importing break-glass (which uses people: a cycle).
 */

export async function activeGrant(args: { userId: string; recordType: string; recordId: string; now?: Date }) {
  const prisma = await getPrisma();
  return prisma.breakGlassGrant.findFirst({
    where: { userId: args.userId, recordType: args.recordType, recordId: args.recordId, expiresAt: { gt: args.now ?? new Date() } },
    select: { id: true, expiresAt: true },
    orderBy: { expiresAt: "desc" },
  });
}

/** The latest expiry among the user's active grants (for the banner), or null. */
export async function activeBreakGlassUntil(userId: string, now = new Date()): Promise<Date | null> {
  const prisma = await getPrisma();
  const latest = await prisma.breakGlassGrant.findFirst({
    where: { userId, expiresAt: { gt: now } },
    select: { expiresAt: true },
    orderBy: { expiresAt: "desc" },
  });
  return latest?.expiresAt ?? null;
}

/** The user's open grants, newest first. */
export async function activeGrantsOf(userId: string, now = new Date()) {
  const prisma = await getPrisma();
  return prisma.breakGlassGrant.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, recordType: true, recordId: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}
