import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { loadSession } from "~/server/auth/session.server";
import { confirmEnrolment, endSessionIfTotpLocked, passwordStep, pendingEnrolmentSecret, signOut, totpStep } from "~/server/auth/sign-in.server";
import { totpCode, TOTP_PERIOD_SECONDS } from "~/server/auth/totp.server";
import { closeDatabase, getDatabase, type Database } from "~/server/db.server";
import { parseEnv, type Env } from "~/server/env.server";
import { applyMigrations } from "~/server/migrations.server";
import { RATE_LIMITS, rateLimitKeys, registerFailure } from "~/server/rate-limit.server";
import { seedDemo } from "~seeds/demo";
import { demoTotpSecret } from "~seeds/factories";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { truncateAll, type Engine } from "../support/engines";
import { workerDatabase } from "../support/worker-database";

// The audit chain key derives from the root key: a fixed test key, set before anything loads it.
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "throttle-test").toString("base64");

const MINUTE = 60_000;

function requestWith(setCookie: string): Request {
  return new Request("http://localhost/home", { headers: { cookie: setCookie.split(";")[0] } });
}

let ipCounter = 0;
/** Each test signs in from its own address, so the per-IP counter only matters where a test wants it to. */
function freshContext() {
  ipCounter += 1;
  return { requestId: `throttle-${ipCounter}`, ip: `198.51.100.${ipCounter}` };
}

/**
 * Opens the engine's database as the app does. `reopen` closes the client and opens a new one
 * on the same database — what a second app server would see.
 */
async function openEngine(env: Env): Promise<Database> {
  await closeDatabase();
  const database = await getDatabase(env);
  await database.withConnection((connection) => applyMigrations(connection));
  return database;
}

describe.each<Engine>(["postgres", "pglite"])("sign-in throttling and lockout on %s", (engine) => {
  let database: Database;
  let env: Env;

  beforeAll(async () => {
    env =
      engine === "postgres"
        ? parseEnv({ DATABASE_URL: workerDatabase().databaseUrl })
        : parseEnv({ KAMKOR_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-throttle-")) });
    database = await openEngine(env);
    await truncateAll(database);
    await seedDemo(database.prisma);
  });

  beforeEach(async () => {
    await database.prisma.rateLimitBucket.deleteMany({});
  });

  afterAll(async () => {
    // Leave no lock behind for the other test files that share the PostgreSQL cluster.
    await database.prisma.rateLimitBucket.deleteMany({});
    if (engine === "pglite") await closeDatabase();
  });

  async function afterPassword(username: string, context = freshContext(), now?: Date) {
    const result = await passwordStep({ username, password: DEMO_PASSWORD }, { context, now });
    if (!result.ok) throw new Error(`password step failed: ${result.reason}`);
    const session = await loadSession(requestWith(result.setCookie), now);
    if (!session) throw new Error("no pending session");
    return session;
  }

  test("five wrong passwords lock a username: then even the right password is refused, exactly as for an unknown name", async () => {
    const context = freshContext();
    const answers = async (username: string) => {
      const seen = [];
      for (let attempt = 0; attempt < 5; attempt++) seen.push(await passwordStep({ username, password: "wrong-password-123" }, { context }));
      seen.push(await passwordStep({ username, password: DEMO_PASSWORD }, { context }));
      return seen;
    };
    const known = await answers("inspector");
    const unknown = await answers("no-such-person");
    const expected = [
      ...Array.from({ length: 4 }, () => ({ ok: false, reason: "credentials" })),
      { ok: false, reason: "locked" },
      { ok: false, reason: "locked" },
    ];
    expect(known).toEqual(expected);
    expect(unknown).toEqual(expected);
    // Another username from the same address is not affected.
    expect((await passwordStep({ username: "officer", password: DEMO_PASSWORD }, { context })).ok).toBe(true);
  });

  test("the username is normalised: case and surrounding spaces share one counter", async () => {
    const context = freshContext();
    for (const typed of ["Pedagogue", " pedagogue", "PEDAGOGUE ", "pedagogue"]) {
      expect(await passwordStep({ username: typed, password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "credentials" });
    }
    expect(await passwordStep({ username: "pEdAgOgUe", password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "locked" });
  });

  test("the lock ends after 15 minutes (injected clock)", async () => {
    const context = freshContext();
    const start = new Date(Date.now() + 60 * MINUTE);
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    for (let attempt = 0; attempt < 5; attempt++) {
      await passwordStep({ username: "provider", password: "wrong-password-123" }, { context, now: at(attempt * 0.1) });
    }
    expect(await passwordStep({ username: "provider", password: DEMO_PASSWORD }, { context, now: at(14) })).toEqual({ ok: false, reason: "locked" });
    const after = await passwordStep({ username: "provider", password: DEMO_PASSWORD }, { context, now: at(15.5) });
    expect(after.ok && after.next).toBe("/login/totp");
  });

  test("failures spread over more than the window do not add up", async () => {
    const context = freshContext();
    const start = new Date(Date.now() + 120 * MINUTE);
    for (let attempt = 0; attempt < 8; attempt++) {
      const now = new Date(start.getTime() + attempt * 4 * MINUTE); // 4 failures per 15-minute window at most
      expect(await passwordStep({ username: "psychologist", password: "wrong-password-123" }, { context, now })).toEqual({ ok: false, reason: "credentials" });
    }
  });

  test("a success resets the username counter", async () => {
    const context = freshContext();
    const fail = () => passwordStep({ username: "socialworker", password: "wrong-password-123" }, { context });
    for (let attempt = 0; attempt < 4; attempt++) expect(await fail()).toEqual({ ok: false, reason: "credentials" });
    expect((await passwordStep({ username: "socialworker", password: DEMO_PASSWORD }, { context })).ok).toBe(true);
    for (let attempt = 0; attempt < 4; attempt++) expect(await fail()).toEqual({ ok: false, reason: "credentials" });
  });

  test("30 failures from one address throttle every username there, right passwords included; other addresses are not affected", async () => {
    const context = freshContext();
    for (let attempt = 0; attempt < 29; attempt++) {
      expect(await passwordStep({ username: `spray-${attempt}`, password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "credentials" });
    }
    expect(await passwordStep({ username: "spray-last", password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "locked" });
    expect(await passwordStep({ username: "analyst", password: DEMO_PASSWORD }, { context })).toEqual({ ok: false, reason: "locked" });
    expect((await passwordStep({ username: "analyst", password: DEMO_PASSWORD }, { context: freshContext() })).ok).toBe(true);
  });

  test("counters live only in the database: a new app instance (new client) continues the count", async () => {
    const context = freshContext();
    for (let attempt = 0; attempt < 3; attempt++) await passwordStep({ username: "auditor", password: "wrong-password-123" }, { context });
    database = await openEngine(env); // as if the next requests reached another server
    expect(await passwordStep({ username: "auditor", password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "credentials" });
    expect(await passwordStep({ username: "auditor", password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "locked" });
    // Keys are keyed hashes: what people typed (sometimes a password) is not stored.
    const keys = (await database.prisma.rateLimitBucket.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("auditor");
    expect(keys.join(" ")).not.toContain(context.ip);
  });

  test("counting is atomic: concurrent failures are all counted, and the limit locks once", async () => {
    const key = `test:${engine}:concurrency`;
    const generous = { limit: 1000, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
    await Promise.all(Array.from({ length: 25 }, () => registerFailure(key, generous)));
    expect((await database.prisma.rateLimitBucket.findUniqueOrThrow({ where: { key } })).count).toBe(25);

    const strict = `test:${engine}:limit`;
    const results = await Promise.all(Array.from({ length: 12 }, () => registerFailure(strict, RATE_LIMITS.username)));
    expect(results.filter((result) => result.locked).length).toBeGreaterThanOrEqual(8); // the 5th and every later one
    const row = await database.prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: strict } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * MINUTE);
  });

  test("five wrong TOTP codes end the pending session and lock the user's codes for 15 minutes", async () => {
    const start = new Date(Date.now() + 180 * MINUTE);
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    const context = freshContext();
    const session = await afterPassword("supervisor", context, at(0));
    for (let attempt = 0; attempt < 4; attempt++) expect(await totpStep(session, "000000", { context, now: at(0) })).toEqual({ ok: false, reason: "invalid" });
    expect(await totpStep(session, "000000", { context, now: at(0) })).toEqual({ ok: false, reason: "locked" });
    expect(await database.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();

    // The password still works, but no code is accepted until the lock ends — not even the right one.
    const again = await afterPassword("supervisor", context, at(1));
    const secret = demoTotpSecret("supervisor");
    expect(await totpStep(again, totpCode(secret, at(1)), { context, now: at(1) })).toEqual({ ok: false, reason: "locked" });
    const third = await afterPassword("supervisor", context, at(2));
    expect(await endSessionIfTotpLocked(third, { context, now: at(2) })).toBe(true);
    expect(await database.prisma.session.findUnique({ where: { id: third.id } })).toBeNull();

    const later = await afterPassword("supervisor", context, at(16));
    expect(await endSessionIfTotpLocked(later, { context, now: at(16) })).toBe(false);
    const done = await totpStep(later, totpCode(secret, at(16)), { context, now: at(16) });
    expect(done.ok).toBe(true);
  });

  test("enrolment codes count against the same per-user limit", async () => {
    const context = freshContext();
    const session = await afterPassword("newcomer", context);
    expect(session.stage).toBe("enrol");
    for (let attempt = 0; attempt < 4; attempt++) expect(await confirmEnrolment(session, "000000", { context })).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEnrolment(session, "000000", { context })).toEqual({ ok: false, reason: "locked" });
    expect(await database.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
    const again = await afterPassword("newcomer", context);
    const secret = await pendingEnrolmentSecret(again.user.id);
    expect(await confirmEnrolment(again, totpCode(secret), { context })).toEqual({ ok: false, reason: "locked" });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { username: "newcomer" } });
    expect(user.totpSecret).toBeNull();
    expect(await database.prisma.rateLimitBucket.count({ where: { key: rateLimitKeys.totp(user.id) } })).toBe(1);
  });

  test("sign-in events are audited: success with the actor, failure with the typed name only, TOTP, sign-out, lockout", async () => {
    const context = freshContext();
    const events = (where: object) => database.prisma.auditEvent.findMany({ where: { requestId: context.requestId, ...where }, orderBy: { seq: "asc" } });

    expect(await passwordStep({ username: "Ghost-Of-Nobody", password: "wrong-password-123" }, { context })).toEqual({ ok: false, reason: "credentials" });
    const [failure] = await events({ action: "auth.sign_in" });
    expect(failure).toMatchObject({ decision: "denied", actorUserId: null, actorUsername: "Ghost-Of-Nobody", ip: context.ip, actorRoles: [] });
    expect(JSON.stringify(failure, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain("wrong-password-123");

    const officer = await database.prisma.user.findUniqueOrThrow({ where: { username: "officer" } });
    const session = await afterPassword("officer", context);
    expect(await totpStep(session, "000000", { context })).toEqual({ ok: false, reason: "invalid" });
    // A code at the next time step: the other tests may have used this step's code for officer.
    const code = totpCode(demoTotpSecret("officer"), new Date(Date.now() + TOTP_PERIOD_SECONDS * 1000));
    const full = await totpStep(session, code, { context });
    if (!full.ok) throw new Error("TOTP step failed");
    const fullSession = await loadSession(requestWith(full.setCookie));
    await signOut(fullSession!, { context });

    const mine = await events({ actorUserId: officer.id });
    expect(mine.map((event) => [event.action, event.decision])).toEqual([
      ["auth.sign_in", "allowed"],
      ["auth.totp", "denied"],
      ["auth.totp", "allowed"],
      ["auth.sign_out", "allowed"],
    ]);
    expect(mine[0]).toMatchObject({ actorUsername: "officer", actorRoles: ["police_officer"], actorAgencyId: officer.agencyId, ip: context.ip });
    expect(mine[3].sessionHash).not.toBeNull();
    expect(await database.prisma.session.findUnique({ where: { id: fullSession!.id } })).toBeNull();

    for (let attempt = 0; attempt < 5; attempt++) await passwordStep({ username: "locked-ghost", password: "wrong-password-123" }, { context });
    await passwordStep({ username: "locked-ghost", password: "wrong-password-123" }, { context });
    const lockouts = await events({ action: "auth.locked_out", actorUsername: "locked-ghost" });
    expect(lockouts.length).toBe(2); // when the lock starts, and for the refused attempt during it
    expect(lockouts.every((event) => event.decision === "denied" && event.actorUserId === null)).toBe(true);
  });

  test("enrolment success is audited as auth.enrol", async () => {
    const context = freshContext();
    const user = await database.prisma.user.findUniqueOrThrow({ where: { username: "newcomer" } });
    await database.prisma.user.update({ where: { id: user.id }, data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null } });
    const session = await afterPassword("newcomer", context);
    const secret = await pendingEnrolmentSecret(session.user.id);
    expect((await confirmEnrolment(session, totpCode(secret), { context })).ok).toBe(true);
    const event = await database.prisma.auditEvent.findFirst({ where: { requestId: context.requestId, action: "auth.enrol" } });
    expect(event).toMatchObject({ decision: "allowed", actorUserId: user.id });
  });
});
