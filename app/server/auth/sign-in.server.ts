import type { User } from "~/generated/prisma/client.ts";
import { getPrisma } from "~/server/db.server";
import { hashPassword, verifyPassword } from "~/server/auth/password.server";
import { endSession, startSession, type LoadedSession } from "~/server/auth/session.server";
import { generateTotpSecret, verifyTotp } from "~/server/auth/totp.server";

/**
 * The sign-in steps. Each successful step ends the previous session and starts a new one,
 * so the session id rotates at sign-in.
 */

export type PasswordStepResult = { ok: false } | { ok: true; setCookie: string; next: "/login/totp" | "/login/enrol" };

export async function passwordStep(input: {
  username: string;
  password: string;
  previousSessionId?: string;
}): Promise<PasswordStepResult> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { username: input.username.trim().toLowerCase() },
    select: { id: true, passwordHash: true, status: true, totpSecret: true, agency: { select: { status: true } } },
  });
  // Always run argon2, so that an unknown user costs the same time as a wrong password.
  const check = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !check.ok || user.status !== "active" || user.agency.status !== "active") return { ok: false };
  if (check.needsRehash) {
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  if (input.previousSessionId) await endSession(input.previousSessionId);
  const stage = user.totpSecret ? "totp" : "enrol";
  return { ok: true, setCookie: await startSession(user.id, stage), next: stage === "totp" ? "/login/totp" : "/login/enrol" };
}

/** Accepts a TOTP code at most once: the step is claimed with a conditional update. */
async function claimTotpStep(user: Pick<User, "id">, secret: string, code: string, extra: Partial<User> = {}): Promise<boolean> {
  const prisma = await getPrisma();
  const current = await prisma.user.findUnique({ where: { id: user.id }, select: { totpLastStep: true } });
  const step = verifyTotp(secret, code, { lastUsedStep: current?.totpLastStep == null ? null : Number(current.totpLastStep) });
  if (step === null) return false;
  const claimed = await prisma.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { ...extra, totpLastStep: BigInt(step) },
  });
  return claimed.count === 1;
}

export async function totpStep(session: LoadedSession, code: string): Promise<{ ok: false } | { ok: true; setCookie: string }> {
  const secret = session.user.totpSecret;
  if (!secret || !(await claimTotpStep(session.user, secret, code))) return { ok: false };
  await endSession(session.id);
  return { ok: true, setCookie: await startSession(session.user.id, "full") };
}

/** The secret shown during enrolment; made once and kept until confirmed. */
export async function pendingEnrolmentSecret(userId: string): Promise<string> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingSecret: true } });
  if (user.totpPendingSecret) return user.totpPendingSecret;
  const secret = generateTotpSecret();
  await prisma.user.update({ where: { id: userId }, data: { totpPendingSecret: secret } });
  return secret;
}

export async function confirmEnrolment(session: LoadedSession, code: string): Promise<{ ok: false } | { ok: true; setCookie: string }> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: session.user.id }, select: { totpPendingSecret: true } });
  const secret = user.totpPendingSecret;
  if (!secret) return { ok: false };
  const confirmed = await claimTotpStep(session.user, secret, code, { totpSecret: secret, totpPendingSecret: null });
  if (!confirmed) return { ok: false };
  await endSession(session.id);
  return { ok: true, setCookie: await startSession(session.user.id, "full") };
}
