import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createAgency,
  createUser,
  getUser,
  listAgencies,
  listUsers,
  resetUserPassword,
  resetUserTotp,
  setAgencyStatus,
  setUserRoles,
  setUserStatus,
  updateAgency,
  updateUserDetails,
} from "~/modules/admin/admin.server";
import { loadSession, startSession } from "~/server/auth/session.server";
import { passwordStep } from "~/server/auth/sign-in.server";
import type { AuthorizedUser } from "~/server/authorization.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { rateLimitKeys, registerFailure, RATE_LIMITS } from "~/server/rate-limit.server";
import { demoAgencyCode, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_USERS } from "~seeds/data/users";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "admin-test").toString("base64");

/** A request id only this file uses: audit queries below never see other files' events. */
const context = { requestId: `admin-test-${Date.now()}`, ip: "203.0.113.7" };
const NEW_PASSWORD = "горный ручей шумит";
const agencyOf = (type: Parameters<typeof demoAgencyCode>[0], district = "bishkek-len") => stableId("agency", demoAgencyCode(type, district));

function requestWith(setCookie: string): Request {
  return new Request("http://localhost/home", { headers: { cookie: setCookie.split(";")[0] } });
}

/** A signed-in browser of this user: a full session, as after password and TOTP. */
async function openBrowser(userId: string): Promise<Request> {
  return requestWith(await startSession(userId, "full"));
}

describe.each<Engine>(["postgres", "pglite"])("administration on %s", (engine) => {
  let database: Database;
  let admin: AuthorizedUser;

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await database.prisma.rateLimitBucket.deleteMany({});
    await seedDemo(database.prisma);
    admin = await asUser("admin");
  });

  afterAll(async () => {
    await database.prisma.rateLimitBucket.deleteMany({});
    if (engine === "pglite") await closeDatabase();
  });

  const auditFor = (recordId: string) =>
    database.prisma.auditEvent.findMany({
      where: { recordId, requestId: context.requestId },
      orderBy: { seq: "asc" },
      select: { action: true, decision: true, fields: true, actorUserId: true, requestId: true, ip: true },
    });

  async function newUser(username: string, roles: ("social_worker" | "admin" | "juvenile_inspector")[] = ["social_worker"]) {
    const result = await createUser({
      user: admin,
      context,
      data: { username, displayName: "Тест Тестов", agencyId: agencyOf("social_services"), roles, password: NEW_PASSWORD },
    });
    if (!result.ok) throw new Error(`createUser failed: ${JSON.stringify(result)}`);
    return result.id;
  }

  test("create a user: stored with a hash, no TOTP yet, audited with field names only", async () => {
    const id = await newUser("aibek.s");
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ username: "aibek.s", roles: ["social_worker"], status: "active", totpSecret: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const events = await auditFor(id);
    expect(events).toEqual([
      {
        action: "admin.user_create",
        decision: "allowed",
        fields: ["username", "displayName", "agencyId", "roles", "password"],
        actorUserId: admin.id,
        requestId: context.requestId,
        ip: context.ip,
      },
    ]);
    const raw = JSON.stringify(
      await database.prisma.auditEvent.findMany({ where: { recordId: id }, select: { fields: true, purpose: true, actorUsername: true } }),
    );
    expect(raw).not.toContain(NEW_PASSWORD);
    // The new user signs in with the password and is sent to enrolment.
    const signIn = await passwordStep({ username: "aibek.s", password: NEW_PASSWORD });
    expect(signIn.ok && signIn.next).toBe("/login/enrol");
  });

  test("bad input gets messages, never an exception: duplicate username, unknown or disabled agency, weak password, no role", async () => {
    const base = { username: "dup.user", displayName: "Дубль", agencyId: agencyOf("school"), roles: ["social_pedagogue" as const], password: NEW_PASSWORD };
    expect((await createUser({ user: admin, context, data: base })).ok).toBe(true);
    expect(await createUser({ user: admin, context, data: base })).toEqual({ ok: false, fieldErrors: { username: "admin.error.username.taken" } });
    expect(await createUser({ user: admin, context, data: { ...base, username: "pedagogue" } })).toEqual({
      ok: false,
      fieldErrors: { username: "admin.error.username.taken" },
    });
    expect(await createUser({ user: admin, context, data: { ...base, username: "other.user", agencyId: newId() } })).toEqual({
      ok: false,
      fieldErrors: { agencyId: "admin.error.agency.unknown" },
    });
    expect(await createUser({ user: admin, context, data: { ...base, username: "other.user", password: "Password1234" } })).toEqual({
      ok: false,
      fieldErrors: { password: "admin.error.password.common" },
    });
    expect(await createUser({ user: admin, context, data: { ...base, username: "other.user", password: "other.user is me!" } })).toEqual({
      ok: false,
      fieldErrors: { password: "admin.error.password.containsUsername" },
    });
    expect(await createUser({ user: admin, context, data: { ...base, username: "other.user", roles: [] } })).toEqual({
      ok: false,
      fieldErrors: { roles: "admin.error.roles.required" },
    });
    expect(await database.prisma.user.count({ where: { username: "other.user" } })).toBe(0);
  });

  test("two admins creating the same username at once: one wins, the other gets the message", async () => {
    const data = { username: "race.user", displayName: "Гонка", agencyId: agencyOf("school"), roles: ["social_pedagogue" as const], password: NEW_PASSWORD };
    const results = await Promise.all([createUser({ user: admin, context, data }), createUser({ user: admin, context, data })]);
    expect(results.filter((result) => result.ok).length).toBe(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, fieldErrors: { username: "admin.error.username.taken" } });
    expect(await database.prisma.user.count({ where: { username: "race.user" } })).toBe(1);
  });

  test("disabling a user deletes every session at once; enabling lets them sign in again", async () => {
    const id = await newUser("to.disable");
    const browser = await openBrowser(id);
    const phone = await openBrowser(id);
    expect(await loadSession(browser)).not.toBeNull();
    expect(await setUserStatus({ user: admin, context, userId: id, status: "disabled" })).toEqual({ ok: true, id });
    expect(await loadSession(browser)).toBeNull();
    expect(await loadSession(phone)).toBeNull();
    expect(await database.prisma.session.count({ where: { userId: id } })).toBe(0);
    expect(await passwordStep({ username: "to.disable", password: NEW_PASSWORD })).toEqual({ ok: false, reason: "credentials" });
    expect(await setUserStatus({ user: admin, context, userId: id, status: "active" })).toEqual({ ok: true, id });
    expect((await passwordStep({ username: "to.disable", password: NEW_PASSWORD })).ok).toBe(true);
    expect((await auditFor(id)).map((event) => [event.action, event.fields])).toEqual([
      ["admin.user_create", ["username", "displayName", "agencyId", "roles", "password"]],
      ["admin.user_disable", ["status"]],
      ["admin.user_enable", ["status"]],
    ]);
  });

  test("resetting TOTP clears the secret, ends sessions and forces enrolment; it also lifts a code lock", async () => {
    const psychologist = await asUser("psychologist");
    const browser = await openBrowser(psychologist.id);
    for (let attempt = 0; attempt < 5; attempt++) await registerFailure(rateLimitKeys.totp(psychologist.id), RATE_LIMITS.totp);
    expect(await resetUserTotp({ user: admin, context, userId: psychologist.id })).toEqual({ ok: true, id: psychologist.id });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: psychologist.id } });
    expect(user).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    expect(await loadSession(browser)).toBeNull();
    const signIn = await passwordStep({ username: "psychologist", password: DEMO_PASSWORD });
    expect(signIn.ok && signIn.next).toBe("/login/enrol");
    expect(await database.prisma.rateLimitBucket.count({ where: { key: rateLimitKeys.totp(psychologist.id) } })).toBe(0);
    const [event] = await auditFor(psychologist.id);
    expect(event).toMatchObject({ action: "admin.user_reset_totp", decision: "allowed", fields: ["totpSecret", "totpPendingSecret", "totpLastStep"] });
  });

  test("a password reset ends sessions, lifts a sign-in lockout and never bypasses TOTP", async () => {
    const inspector = await asUser("inspector");
    const browser = await openBrowser(inspector.id);
    for (let attempt = 0; attempt < 5; attempt++) await registerFailure(rateLimitKeys.username("inspector"), RATE_LIMITS.username);
    expect(await resetUserPassword({ user: admin, context, userId: inspector.id, password: "short" })).toEqual({
      ok: false,
      fieldErrors: { password: "admin.error.password.short" },
    });
    expect(await resetUserPassword({ user: admin, context, userId: inspector.id, password: "my name is inspector" })).toEqual({
      ok: false,
      fieldErrors: { password: "admin.error.password.containsUsername" },
    });
    expect(await resetUserPassword({ user: admin, context, userId: inspector.id, password: NEW_PASSWORD })).toEqual({ ok: true, id: inspector.id });
    expect(await loadSession(browser)).toBeNull();
    // The reset also lifted the lockout from forgotten-password attempts.
    expect(await passwordStep({ username: "inspector", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "credentials" });
    const signIn = await passwordStep({ username: "inspector", password: NEW_PASSWORD });
    expect(signIn.ok && signIn.next).toBe("/login/totp");
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: inspector.id } });
    expect(user.totpSecret).not.toBeNull();
    const events = await auditFor(inspector.id);
    expect(events.map((event) => [event.action, event.fields])).toEqual([["admin.user_reset_password", ["password"]]]);
  });

  test("roles and details: changed field names are audited; a user cannot be moved to an unknown agency", async () => {
    const id = await newUser("roles.user");
    expect(await setUserRoles({ user: admin, context, userId: id, roles: [] })).toEqual({ ok: false, fieldErrors: { roles: "admin.error.roles.required" } });
    expect(await setUserRoles({ user: admin, context, userId: id, roles: ["social_worker", "supervisor"] })).toEqual({ ok: true, id });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id } })).roles).toEqual(["social_worker", "supervisor"]);
    expect(await updateUserDetails({ user: admin, context, userId: id, data: { displayName: "Тест Тестов", agencyId: newId() } })).toEqual({
      ok: false,
      fieldErrors: { agencyId: "admin.error.agency.unknown" },
    });
    expect(await updateUserDetails({ user: admin, context, userId: id, data: { displayName: "Новое Имя", agencyId: agencyOf("social_services") } })).toEqual({
      ok: true,
      id,
    });
    const events = await auditFor(id);
    expect(events.slice(1).map((event) => [event.action, event.fields])).toEqual([
      ["admin.user_roles", ["roles"]],
      ["admin.user_update", ["displayName"]],
    ]);
    expect(JSON.stringify(events)).not.toContain("Новое Имя");
  });

  test("an admin cannot lock themselves out: own account, own admin role, own agency", async () => {
    expect(await setUserStatus({ user: admin, context, userId: admin.id, status: "disabled" })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "admin.error.selfLockout.disable",
    });
    expect(await setUserRoles({ user: admin, context, userId: admin.id, roles: ["auditor"] })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "admin.error.selfLockout.adminRole",
    });
    expect(await setAgencyStatus({ user: admin, context, agencyId: admin.agency.id, status: "disabled" })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "admin.error.selfLockout.agency",
    });
    const me = await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id }, include: { agency: true } });
    expect(me.status).toBe("active");
    expect(me.roles).toEqual(["admin"]);
    expect(me.agency.status).toBe("active");
    const denials = await database.prisma.auditEvent.count({
      where: {
        actorUserId: admin.id,
        requestId: context.requestId,
        decision: "denied",
        action: { in: ["admin.user_disable", "admin.user_roles", "admin.agency_update"] },
      },
    });
    expect(denials).toBe(3);
    // Keeping the admin role while adding another is fine.
    expect(await setUserRoles({ user: admin, context, userId: admin.id, roles: ["admin", "auditor"] })).toEqual({ ok: true, id: admin.id });
    expect(await setUserRoles({ user: admin, context, userId: admin.id, roles: ["admin"] })).toEqual({ ok: true, id: admin.id });
  });

  test("agencies: district required, changes audited by field name, disabling signs out all its users", async () => {
    const district = stableId("territory", "KG-C-SOK");
    const region = stableId("territory", "KG-C");
    const data = { type: "ngo" as const, territoryId: district, nameRu: "Фонд «Тест»", nameKy: "«Тест» фонду", nameEn: "Test Foundation" };
    expect(await createAgency({ user: admin, context, data: { ...data, territoryId: region } })).toEqual({
      ok: false,
      fieldErrors: { territoryId: "admin.error.territory.unknown" },
    });
    expect(await createAgency({ user: admin, context, data: { ...data, territoryId: newId() } })).toEqual({
      ok: false,
      fieldErrors: { territoryId: "admin.error.territory.unknown" },
    });
    const created = await createAgency({ user: admin, context, data });
    if (!created.ok) throw new Error("createAgency failed");
    expect(await updateAgency({ user: admin, context, agencyId: created.id, data: { ...data, nameEn: "Test Fund", type: "shelter" } })).toEqual({
      ok: true,
      id: created.id,
    });

    const userId = (await createUser({
      user: admin,
      context,
      data: { username: "ngo.worker", displayName: "НКО", agencyId: created.id, roles: ["service_provider"], password: NEW_PASSWORD },
    })) as { ok: true; id: string };
    const browser = await openBrowser(userId.id);
    expect(await setAgencyStatus({ user: admin, context, agencyId: created.id, status: "disabled" })).toEqual({ ok: true, id: created.id });
    expect(await loadSession(browser)).toBeNull();
    expect(await database.prisma.session.count({ where: { userId: userId.id } })).toBe(0);
    expect(await passwordStep({ username: "ngo.worker", password: NEW_PASSWORD })).toEqual({ ok: false, reason: "credentials" });
    // No new users in a disabled agency.
    const refused = await createUser({
      user: admin,
      context,
      data: { username: "ngo.second", displayName: "НКО", agencyId: created.id, roles: ["service_provider"], password: NEW_PASSWORD },
    });
    expect(refused).toEqual({ ok: false, fieldErrors: { agencyId: "admin.error.agency.unknown" } });
    expect(await setAgencyStatus({ user: admin, context, agencyId: created.id, status: "active" })).toEqual({ ok: true, id: created.id });
    expect((await passwordStep({ username: "ngo.worker", password: NEW_PASSWORD })).ok).toBe(true);

    expect((await auditFor(created.id)).map((event) => [event.action, event.fields])).toEqual([
      ["admin.agency_create", ["type", "territoryId", "nameRu", "nameKy", "nameEn"]],
      ["admin.agency_update", ["type", "nameEn"]],
      ["admin.agency_update", ["status"]],
      ["admin.agency_update", ["status"]],
    ]);
  });

  test("lists filter by territory, type, agency, role and status, and never carry secrets", async () => {
    const osh = stableId("territory", "KG-GO-OSH");
    const agencies = await listAgencies({ user: admin, context, filter: { territory: osh, type: "school" } });
    expect(agencies.rows.map((agency) => agency.id)).toEqual([agencyOf("school", "osh")]);
    // Seeded accounts (DEMO_USERS and DEMO_STAFF); no account this file creates before here is an admin or in the police.
    const seededStaff = [...DEMO_USERS, ...DEMO_STAFF];
    const seededAdmins = seededStaff.filter((user) => user.role === "admin").map((user) => user.username);
    expect(seededAdmins).toContain("admin");
    expect(seededAdmins.length).toBeLessThan(seededStaff.length);
    const users = await listUsers({ user: admin, context, filter: { role: "admin", status: "active" } });
    expect(users.rows.map((user) => user.username).sort()).toEqual(seededAdmins.sort());
    // Every seeded account of the Bishkek police department, and no one else.
    const policeStaff = seededStaff
      .filter((user) => agencyOf(user.agencyType, user.districtKey) === agencyOf("police_department"))
      .map((user) => user.username);
    expect(policeStaff).toEqual(expect.arrayContaining(["inspector", "officer"]));
    expect(policeStaff.length).toBeLessThan(seededStaff.length);
    const inAgency = await listUsers({ user: admin, context, filter: { agency: agencyOf("police_department") } });
    expect(inAgency.rows.map((user) => user.username).sort()).toEqual(policeStaff.sort());
    const text = JSON.stringify([agencies, users, inAgency, await getUser({ user: admin, context, userId: admin.id })]);
    expect(text).not.toMatch(/argon2|passwordHash|totpSecret/);
  });

  test("non-admins are refused every read and command with an audited 404", async () => {
    const target = await asUser("officer");
    // Accounts made for this test (random ids), so other files' audit counts for demo users stay exact.
    const personas = ["juvenile_inspector", "supervisor", "auditor", "analyst", "social_worker"] as const;
    for (const role of personas) {
      const username = `persona.${role.replace("_", "-")}`;
      await createUser({
        user: admin,
        context,
        data: { username, displayName: "Персона", agencyId: target.agency.id, roles: [role], password: NEW_PASSWORD },
      });
      const user = await asUser(username);
      const calls: (() => Promise<unknown>)[] = [
        () => listAgencies({ user, context, filter: {} }),
        () => listUsers({ user, context, filter: {} }),
        () => getUser({ user, context, userId: target.id }),
        () => createAgency({ user, context, data: { type: "ngo", territoryId: stableId("territory", "KG-C-SOK"), nameRu: "x", nameKy: "x", nameEn: "x" } }),
        () =>
          updateAgency({
            user,
            context,
            agencyId: target.agency.id,
            data: { type: "ngo", territoryId: stableId("territory", "KG-C-SOK"), nameRu: "x", nameKy: "x", nameEn: "x" },
          }),
        () => setAgencyStatus({ user, context, agencyId: target.agency.id, status: "disabled" }),
        () =>
          createUser({
            user,
            context,
            data: { username: `sneaky.${username}`, displayName: "x", agencyId: target.agency.id, roles: ["admin"], password: NEW_PASSWORD },
          }),
        () => updateUserDetails({ user, context, userId: target.id, data: { displayName: "x", agencyId: target.agency.id } }),
        () => setUserRoles({ user, context, userId: user.id, roles: ["admin"] }),
        () => setUserStatus({ user, context, userId: target.id, status: "disabled" }),
        () => resetUserPassword({ user, context, userId: target.id, password: NEW_PASSWORD }),
        () => resetUserTotp({ user, context, userId: target.id }),
      ];
      for (const call of calls) expect(await statusOf(call)).toBe(404);
      const denied = await database.prisma.auditEvent.count({ where: { actorUserId: user.id, decision: "denied" } });
      expect(denied).toBeGreaterThanOrEqual(calls.length);
    }
    const officer = await database.prisma.user.findUniqueOrThrow({ where: { id: target.id }, include: { agency: true } });
    expect(officer).toMatchObject({ status: "active", displayName: "Эрлан Джумабаев" });
    expect(officer.agency.status).toBe("active");
    expect(await database.prisma.user.count({ where: { username: { startsWith: "sneaky." } } })).toBe(0);
    const personaRoles = await database.prisma.user.findMany({ where: { username: { startsWith: "persona." } }, select: { roles: true } });
    expect(personaRoles.length).toBe(personas.length);
    expect(personaRoles.flatMap((user) => user.roles)).not.toContain("admin");
  });

  test("unknown ids answer 404, not 500", async () => {
    expect(await statusOf(() => getUser({ user: admin, context, userId: newId() }))).toBe(404);
    expect(await statusOf(() => setUserStatus({ user: admin, context, userId: newId(), status: "disabled" }))).toBe(404);
    expect(await statusOf(() => resetUserTotp({ user: admin, context, userId: "not-even-a-uuid" }))).toBe(404);
    expect(await statusOf(() => setAgencyStatus({ user: admin, context, agencyId: newId(), status: "disabled" }))).toBe(404);
  });
});
