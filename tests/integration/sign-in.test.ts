import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, loadSession, sessionCookieName } from "~/server/auth/session.server";
import { confirmEnrolment, passwordStep, pendingEnrolmentSecret, totpStep } from "~/server/auth/sign-in.server";
import { totpCode, TOTP_PERIOD_SECONDS } from "~/server/auth/totp.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { demoTotpSecret } from "~seeds/factories";
import { seedDemo } from "~seeds/demo";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { truncateAll, useEngine, type Engine } from "../support/engines";

// Sign-in writes audit events, whose chain key derives from the root key: a fixed test key.
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "sign-in-test").toString("base64");

function requestWith(setCookie: string): Request {
  const pair = setCookie.split(";")[0];
  return new Request("http://localhost/home", { headers: { cookie: pair } });
}

function tokenOf(setCookie: string): string {
  return decodeURIComponent(setCookie.split(";")[0].split("=")[1]);
}

/** Signs in with the password and returns the pending session. */
async function afterPassword(username: string) {
  const result = await passwordStep({ username, password: DEMO_PASSWORD });
  if (!result.ok) throw new Error("password step failed");
  const session = await loadSession(requestWith(result.setCookie));
  if (!session) throw new Error("no pending session");
  return { result, session };
}

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("sign-in on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    // Failure counters are keyed by user id and name: start without another file's leftovers.
    await database.prisma.rateLimitBucket.deleteMany({});
    await seedDemo(database.prisma);
  });

  test("unknown user and wrong password give the same answer", async () => {
    expect(await passwordStep({ username: "nobody", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "credentials" });
    expect(await passwordStep({ username: "inspector", password: "wrong-password-123" })).toEqual({ ok: false, reason: "credentials" });
  });

  test("password then TOTP: the session id rotates and the database holds only its hash", async () => {
    const { result, session } = await afterPassword("inspector");
    expect(result.ok && result.next).toBe("/login/totp");
    expect(session.stage).toBe("totp");
    const token = tokenOf(result.setCookie);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(await database.prisma.session.findUnique({ where: { id: token } })).toBeNull();
    expect(result.setCookie).toContain(`${sessionCookieName()}=`);
    expect(result.setCookie).toContain("HttpOnly");
    expect(result.setCookie).toContain("SameSite=Lax");

    expect(await totpStep(session, "000000")).toEqual({ ok: false, reason: "invalid" });
    const signedIn = await totpStep(session, totpCode(demoTotpSecret("inspector")));
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    expect(tokenOf(signedIn.setCookie)).not.toBe(token);
    expect(await database.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
    const full = await loadSession(requestWith(signedIn.setCookie));
    expect(full?.stage).toBe("full");
    expect(full?.user.username).toBe("inspector");
  });

  test("a TOTP code is accepted once: replay and expired codes are refused", async () => {
    const secret = demoTotpSecret("officer");
    const code = totpCode(secret);
    const first = await afterPassword("officer");
    expect((await totpStep(first.session, code)).ok).toBe(true);
    const second = await afterPassword("officer");
    expect(await totpStep(second.session, code)).toEqual({ ok: false, reason: "invalid" });
    const old = totpCode(secret, new Date(Date.now() - 5 * TOTP_PERIOD_SECONDS * 1000));
    expect(await totpStep(second.session, old)).toEqual({ ok: false, reason: "invalid" });
  });

  test("TOTP secrets are stored only as ciphertext bound to their user", async () => {
    const rows = await database.withConnection((connection) =>
      connection.query<{ username: string; totp_secret: string | null }>(`select username, totp_secret from app_user where totp_secret is not null`),
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.totp_secret!.startsWith("kmk1.")).toBe(true);
      expect(row.totp_secret).not.toContain(demoTotpSecret(row.username));
    }
  });

  test("an account without TOTP must enrol, and the confirmed secret is kept", async () => {
    const { result, session } = await afterPassword("newcomer");
    expect(result.ok && result.next).toBe("/login/enrol");
    expect(session.stage).toBe("enrol");
    const secret = await pendingEnrolmentSecret(session.user.id);
    expect(await pendingEnrolmentSecret(session.user.id)).toBe(secret);
    expect(await confirmEnrolment(session, "123456".replace(/./g, "0"))).toEqual({ ok: false, reason: "invalid" });
    const confirmed = await confirmEnrolment(session, totpCode(secret));
    expect(confirmed.ok).toBe(true);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: session.user.id } });
    expect(user.totpSecret).toBe(secret);
    expect(user.totpPendingSecret).toBeNull();
    const next = await passwordStep({ username: "newcomer", password: DEMO_PASSWORD });
    expect(next.ok && next.next).toBe("/login/totp");
  });

  test("sessions end after 15 idle minutes, after 12 hours, and when the user is disabled", async () => {
    const { session } = await afterPassword("supervisor");
    const done = await totpStep(session, totpCode(demoTotpSecret("supervisor")));
    if (!done.ok) throw new Error("sign-in failed");
    const request = requestWith(done.setCookie);
    const later = (ms: number) => new Date(Date.now() + ms);

    expect(await loadSession(request, later(IDLE_TIMEOUT_MS - 60_000))).not.toBeNull();
    // The read above refreshed lastSeenAt; idle time counts from there.
    expect(await loadSession(request, later(2 * IDLE_TIMEOUT_MS + 60_000))).toBeNull();
    expect(await database.prisma.session.count({ where: { user: { username: "supervisor" } } })).toBe(0);

    const again = await afterPassword("analyst");
    const full = await totpStep(again.session, totpCode(demoTotpSecret("analyst")));
    if (!full.ok) throw new Error("sign-in failed");
    const row = await database.prisma.session.findFirstOrThrow({ where: { user: { username: "analyst" }, stage: "full" } });
    await database.prisma.session.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1), lastSeenAt: new Date() } });
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * 60 * 1000);
    expect(await loadSession(requestWith(full.setCookie))).toBeNull();

    const third = await afterPassword("auditor");
    const auditor = await totpStep(third.session, totpCode(demoTotpSecret("auditor")));
    if (!auditor.ok) throw new Error("sign-in failed");
    await database.prisma.user.update({ where: { username: "auditor" }, data: { status: "disabled" } });
    expect(await loadSession(requestWith(auditor.setCookie))).toBeNull();
    expect(await passwordStep({ username: "auditor", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "credentials" });
  });
});
