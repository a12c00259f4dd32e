import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Role, SessionStage } from "~/generated/prisma/client.ts";
import { getDatabase, getPrisma } from "~/server/db.server";
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

type SessionRow = {
  stage: SessionStage;
  last_seen_ms: number;
  expires_ms: number;
  user_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  user_status: string;
  agency_id: string;
  agency_type: string;
  agency_name_ru: string;
  agency_name_ky: string;
  agency_name_en: string;
  agency_status: string;
  territory_id: string;
  territory_name_ru: string;
  territory_name_ky: string;
  territory_name_en: string;
  parent_name_ru: string | null;
  parent_name_ky: string | null;
  parent_name_en: string | null;
};

// Session, user, roles, agency and territory in one statement: every signed-in request pays for
// it, and Prisma's nested select was five round trips (one per relation). Times as epoch ms, so
// no driver reads timestamp(3) in its local zone.
const SESSION_SQL = `SELECT s.stage::text AS stage,
    (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS last_seen_ms, (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms,
    u.id AS user_id, u.username, u.display_name, u.roles::text[] AS roles, u.status::text AS user_status,
    a.id AS agency_id, a.type::text AS agency_type, a.name_ru AS agency_name_ru, a.name_ky AS agency_name_ky, a.name_en AS agency_name_en,
    a.status::text AS agency_status, a.territory_id,
    t.name_ru AS territory_name_ru, t.name_ky AS territory_name_ky, t.name_en AS territory_name_en,
    pt.name_ru AS parent_name_ru, pt.name_ky AS parent_name_ky, pt.name_en AS parent_name_en
  FROM session s
  JOIN app_user u ON u.id = s.user_id
  JOIN agency a ON a.id = u.agency_id
  JOIN territory t ON t.id = a.territory_id
  LEFT JOIN territory pt ON pt.id = t.parent_id
  WHERE s.id = $1`;

/** Expired or orphaned sessions are deleted on sight. */
async function readSession(request: Request, now: Date): Promise<LoadedSession | null> {
  const token = readCookie(request, sessionCookieName());
  if (!token || token.length > 200) return null;
  const database = await getDatabase();
  const prisma = database.prisma;
  const id = hashToken(token);
  const [row] = await database.withConnection((connection) => connection.query<SessionRow>(SESSION_SQL, [id]));
  if (!row) return null;
  const idleFor = now.getTime() - row.last_seen_ms;
  const expired = now.getTime() >= row.expires_ms || (row.stage === "full" && idleFor > IDLE_TIMEOUT_MS);
  if (expired || row.user_status !== "active" || row.agency_status !== "active") {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  const parent = row.parent_name_ru === null ? null : { nameRu: row.parent_name_ru, nameKy: row.parent_name_ky!, nameEn: row.parent_name_en! };
  return {
    id,
    stage: row.stage,
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      agency: {
        id: row.agency_id,
        type: row.agency_type,
        nameRu: row.agency_name_ru,
        nameKy: row.agency_name_ky,
        nameEn: row.agency_name_en,
        territoryId: row.territory_id,
        territory: { nameRu: row.territory_name_ru, nameKy: row.territory_name_ky, nameEn: row.territory_name_en, parent },
      },
    },
  };
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
