import type { User } from "~/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "~/server/audit/audit.server";
import { getPrisma } from "~/server/db.server";
import { hashPassword, verifyPassword } from "~/server/auth/password.server";
import { endSession, startSession, type LoadedSession } from "~/server/auth/session.server";
import { generateTotpSecret, verifyTotp } from "~/server/auth/totp.server";
import type { KamkorLoadContext } from "~/server/load-context";
import { isLocked, normaliseUsername, RATE_LIMITS, rateLimitKeys, registerFailure, resetBucket } from "~/server/rate-limit.server";

/**
 * The sign-in steps. Each successful step ends the previous session and starts a new one,
 * so the session id rotates at sign-in. Failures are counted in the database (per typed
 * username and per client IP for the password, per user for codes) and every attempt is
 * audited; if the audit write fails, the step fails with it.
 */

/** What every step may be given besides its input: the request's id and IP, and a clock for tests. */
export type StepOptions = { context?: Partial<KamkorLoadContext>; now?: Date };

export type StepFailure = { ok: false; reason: "credentials" | "locked" };
export type PasswordStepResult = StepFailure | { ok: true; setCookie: string; next: "/login/totp" | "/login/enrol" };
export type CodeStepResult = { ok: false; reason: "invalid" | "locked" } | { ok: true; setCookie: string };

function sessionActor(session: LoadedSession): AuditActor {
  const { user } = session;
  return { userId: user.id, username: user.username, roles: user.roles, agencyId: user.agency.id, sessionId: session.id };
}

export async function passwordStep(
  input: { username: string; password: string; previousSessionId?: string },
  options: StepOptions = {},
): Promise<PasswordStepResult> {
  const { context } = options;
  const now = options.now ?? new Date();
  const prisma = await getPrisma();
  const username = normaliseUsername(input.username);
  const keys = { username: rateLimitKeys.username(username), ip: context?.ip ? rateLimitKeys.ip(context.ip) : undefined };
  const lockKeys = [keys.username, ...(keys.ip ? [keys.ip] : [])];
  const lockedBefore = await isLocked(lockKeys, now);
  const user = await prisma.user.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      roles: true,
      agencyId: true,
      passwordHash: true,
      status: true,
      totpSecret: true,
      agency: { select: { status: true } },
    },
  });
  // Always run argon2 — for unknown users and while locked too — so time reveals nothing.
  const check = await verifyPassword(user?.passwordHash, input.password);
  const attempted = { actor: null, attemptedUsername: input.username.trim(), context } as const;

  if (lockedBefore) {
    await recordAudit({ ...attempted, action: "auth.locked_out", decision: "denied", purpose: "password" });
    return { ok: false, reason: "locked" };
  }

  if (!user || !check.ok || user.status !== "active" || user.agency.status !== "active") {
    const byUsername = await registerFailure(keys.username, RATE_LIMITS.username, now);
    const byIp = keys.ip ? await registerFailure(keys.ip, RATE_LIMITS.ip, now) : { locked: false };
    await recordAudit({ ...attempted, action: "auth.sign_in", decision: "denied" });
    if (byUsername.locked || byIp.locked) {
      await recordAudit({ ...attempted, action: "auth.locked_out", decision: "denied", purpose: "password" });
      return { ok: false, reason: "locked" };
    }
    return { ok: false, reason: "credentials" };
  }

  await resetBucket(keys.username);
  if (check.needsRehash) {
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  await recordAudit({
    actor: { userId: user.id, username: user.username, roles: user.roles, agencyId: user.agencyId },
    action: "auth.sign_in",
    decision: "allowed",
    context,
  });
  if (input.previousSessionId) await endSession(input.previousSessionId);
  const stage = user.totpSecret ? "totp" : "enrol";
  return { ok: true, setCookie: await startSession(user.id, stage, now), next: stage === "totp" ? "/login/totp" : "/login/enrol" };
}

/** Accepts a TOTP code at most once: the step is claimed with a conditional update. */
async function claimTotpStep(user: Pick<User, "id">, secret: string, code: string, now: Date, extra: Partial<User> = {}): Promise<boolean> {
  const prisma = await getPrisma();
  const current = await prisma.user.findUnique({ where: { id: user.id }, select: { totpLastStep: true } });
  const step = verifyTotp(secret, code, { at: now, lastUsedStep: current?.totpLastStep == null ? null : Number(current.totpLastStep) });
  if (step === null) return false;
  const claimed = await prisma.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { ...extra, totpLastStep: BigInt(step) },
  });
  return claimed.count === 1;
}

/**
 * Whether the user's codes are locked (too many wrong ones). A locked pending session is
 * ended and the attempt audited, so the caller only has to send the user back to /login.
 */
export async function endSessionIfTotpLocked(session: LoadedSession, options: StepOptions = {}): Promise<boolean> {
  if (!(await isLocked([rateLimitKeys.totp(session.user.id)], options.now ?? new Date()))) return false;
  await recordAudit({ actor: sessionActor(session), action: "auth.locked_out", decision: "denied", purpose: "totp", context: options.context });
  await endSession(session.id);
  return true;
}

/** Shared by the TOTP step and enrolment: lock check, code check, counting, audit. */
async function codeStep(
  session: LoadedSession,
  action: "auth.totp" | "auth.enrol",
  check: (now: Date) => Promise<boolean>,
  options: StepOptions,
): Promise<CodeStepResult> {
  const now = options.now ?? new Date();
  const { context } = options;
  if (await endSessionIfTotpLocked(session, options)) return { ok: false, reason: "locked" };
  const key = rateLimitKeys.totp(session.user.id);
  if (!(await check(now))) {
    const { locked } = await registerFailure(key, RATE_LIMITS.totp, now);
    await recordAudit({ actor: sessionActor(session), action, decision: "denied", context });
    if (locked) {
      await recordAudit({ actor: sessionActor(session), action: "auth.locked_out", decision: "denied", purpose: "totp", context });
      await endSession(session.id);
      return { ok: false, reason: "locked" };
    }
    return { ok: false, reason: "invalid" };
  }
  await resetBucket(key);
  await recordAudit({ actor: sessionActor(session), action, decision: "allowed", context });
  await endSession(session.id);
  return { ok: true, setCookie: await startSession(session.user.id, "full", now) };
}

export async function totpStep(session: LoadedSession, code: string, options: StepOptions = {}): Promise<CodeStepResult> {
  // The secret is decrypted only here, at the TOTP step — never on ordinary page views.
  const prisma = await getPrisma();
  const { totpSecret: secret } = await prisma.user.findUniqueOrThrow({ where: { id: session.user.id }, select: { id: true, totpSecret: true } });
  return codeStep(session, "auth.totp", async (now) => !!secret && (await claimTotpStep(session.user, secret, code, now)), options);
}

/** The secret shown during enrolment; made once and kept until confirmed. */
export async function pendingEnrolmentSecret(userId: string): Promise<string> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, totpPendingSecret: true } });
  if (user.totpPendingSecret) return user.totpPendingSecret;
  const secret = generateTotpSecret();
  await prisma.user.update({ where: { id: userId }, data: { totpPendingSecret: secret } });
  return secret;
}

export async function confirmEnrolment(session: LoadedSession, code: string, options: StepOptions = {}): Promise<CodeStepResult> {
  const prisma = await getPrisma();
  return codeStep(
    session,
    "auth.enrol",
    async (now) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: session.user.id }, select: { id: true, totpPendingSecret: true } });
      const secret = user.totpPendingSecret;
      return !!secret && (await claimTotpStep(session.user, secret, code, now, { totpSecret: secret, totpPendingSecret: null }));
    },
    options,
  );
}

/** Sign-out: audited, then the session row is deleted. */
export async function signOut(session: LoadedSession, options: StepOptions = {}): Promise<void> {
  await recordAudit({ actor: sessionActor(session), action: "auth.sign_out", decision: "allowed", context: options.context });
  await endSession(session.id);
}
