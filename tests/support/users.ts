import type { AuthorizedUser } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";

/** A demo user as the authorization layer sees them after sign-in (no TOTP round trip). */
export async function asUser(username: string): Promise<AuthorizedUser> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({
    where: { username },
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      agency: {
        select: {
          id: true,
          type: true,
          nameRu: true,
          nameKy: true,
          nameEn: true,
          territoryId: true,
          territory: { select: { nameRu: true, nameKy: true, nameEn: true, parent: { select: { nameRu: true, nameKy: true, nameEn: true } } } },
        },
      },
    },
  });
  return { ...user, sessionId: `test-session-${username}` };
}

/** Runs a loader-style call and returns the status of a thrown Response (e.g. 404), or 200. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
