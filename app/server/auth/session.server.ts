import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Role, SessionStage } from "~/generated/prisma/client.ts";
import { getPrisma } from "~/server/db.server";
import { getEnv } from "~/server/env.server";
import { readCookie, serializeCookie } from "~/server/cookies.server";
import { newId } from "~/server/ids.server";

/**
 * Database sessions. The cookie carries a 256-bit random token; the table stores only its
 * SHA-256, so a database dump holds no usable cookie. A new token is issued at every step of
 * sign-in (password → TOTP → signed in), so a token seen before sign-in is useless after it.
 */
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Half-signed-in sessions (waiting for TOTP or enrolment) are short-lived. */
export const PENDING_TIMEOUT_MS = 10 * 60 * 1000;
/** lastSeenAt is written at most this often, to keep page views from being writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function sessionCookieName(): string {
  return getEnv().KAMKOR_MODE === "production" ? "__Host-kamkor_session" : "kamkor_session";
}

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export type SignedInUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agency: {
    id: string;
    type: string;
    nameRu: string;
    nameKy: string;
    nameEn: string;
    territoryId: string;
    territory: { nameRu: string; nameKy: string; nameEn: string; parent: { nameRu: string; nameKy: string; nameEn: string } | null };
  };
};

export type LoadedSession = { id: string; stage: SessionStage; user: SignedInUser };

/** Starts a session at the given stage and returns the Set-Cookie header for it. */
export async function startSession(userId: string, stage: SessionStage, now = new Date()): Promise<string> {
  const prisma = await getPrisma();
  const token = crypto.randomBytes(32).toString("base64url");
  const lifetime = stage === "full" ? ABSOLUTE_TIMEOUT_MS : PENDING_TIMEOUT_MS;
  await prisma.session.create({
    data: { id: hashToken(token), userId, stage, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + lifetime) },
  });
  return serializeCookie(sessionCookieName(), token, {});
}

export function clearSessionCookie(): string {
  return serializeCookie(sessionCookieName(), "", { maxAge: 0 });
}

/**
 * Reads and validates the request's session. Remix calls the root loader and the route loader
 * with separate Request objects for one HTTP request, so the lookup is shared by the request id
 * the server stamps on every incoming request (scripts/start.ts overwrites any client value).
 * Entries live a few seconds. Without the header (tests) or with `now` given, no sharing.
 */
export const REQUEST_ID_HEADER = "x-kamkor-request-id";
const sessionsByRequest = new Map<string, Promise<LoadedSession | null>>();

export function loadSession(request: Request, now?: Date): Promise<LoadedSession | null> {
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  if (now || !requestId) return readSession(request, now ?? new Date());
  let pending = sessionsByRequest.get(requestId);
  if (!pending) {
    pending = readSession(request, new Date());
    sessionsByRequest.set(requestId, pending);
    setTimeout(() => sessionsByRequest.delete(requestId), 5_000).unref();
  }
  return pending;
}

/** Expired or orphaned sessions are deleted on sight. */
async function readSession(request: Request, now: Date): Promise<LoadedSession | null> {
  const token = readCookie(request, sessionCookieName());
  if (!token || token.length > 200) return null;
  const prisma = await getPrisma();
  const id = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          roles: true,
          status: true,
          agency: {
            select: {
              id: true,
              type: true,
              nameRu: true,
              nameKy: true,
              nameEn: true,
              status: true,
              territoryId: true,
              territory: {
                select: {
                  nameRu: true,
                  nameKy: true,
                  nameEn: true,
                  parent: { select: { nameRu: true, nameKy: true, nameEn: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!session) return null;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  const expired = now >= session.expiresAt || (session.stage === "full" && idleFor > IDLE_TIMEOUT_MS);
  if (expired || session.user.status !== "active" || session.user.agency.status !== "active") {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  const { status: _status, agency, ...user } = session.user;
  const { status: _agencyStatus, ...agencyFields } = agency;
  return { id, stage: session.stage, user: { ...user, agency: agencyFields } };
}

export async function endSession(sessionId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** Every page behind sign-in calls this first. Half-finished sign-ins are sent back to their step. */
export async function requireUser(request: Request): Promise<SignedInUser & { sessionId: string }> {
  const session = await loadSession(request);
  if (!session) throw redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
  if (session.stage === "totp") throw redirect("/login/totp");
  if (session.stage === "enrol") throw redirect("/login/enrol");
  return { ...session.user, sessionId: session.id };
}

/** For the TOTP and enrolment steps: the session must be at exactly that stage. */
export async function requirePendingSession(request: Request, stage: "totp" | "enrol"): Promise<LoadedSession> {
  const session = await loadSession(request);
  if (!session) throw redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
  if (session.stage === "full") throw redirect("/home");
  if (session.stage !== stage) throw redirect(session.stage === "totp" ? "/login/totp" : "/login/enrol");
  return session;
}

export { newId };
