import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openBreakGlass, reviewBreakGlass, reviewQueue } from "~/modules/break-glass/break-glass.server";
import { readPerson, searchPeople } from "~/modules/people/people.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { demoAgencyCode, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "people-test").toString("base64");

const BISHKEK_LEN = stableId("territory", "KG-GB-LEN");
const OSH = stableId("territory", "KG-GO-OSH");
const context = { requestId: "test-request", ip: "127.0.0.1" };

describe.each<Engine>(["postgres", "pglite"])("people and break-glass on %s", (engine) => {
  let database: Database;
  const bishkekChild = { id: newId(), pin: "20512201500123", surname: "Тестова", givenName: "Айжан", birthDate: "2015-12-20" };
  const oshChild = { id: newId(), pin: "10304201200456", surname: "Примеров", givenName: "Эмир", birthDate: "2012-04-03" };

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    const socialServices = (key: string) => stableId("agency", demoAgencyCode("social_services", key));
    await database.prisma.person.create({
      data: {
        ...bishkekChild,
        sex: "female",
        birthYear: 2015,
        address: "ул. Примерная, 1",
        phone: "+996 700 000 001",
        notes: "Заметка",
        territoryId: BISHKEK_LEN,
        ownerAgencyId: socialServices("bishkek-len"),
        createdById: (await asUser("socialworker")).id,
      },
    });
    await database.prisma.person.create({
      data: { ...oshChild, sex: "male", birthYear: 2012, territoryId: OSH, ownerAgencyId: socialServices("osh"), createdById: (await asUser("newcomer")).id },
    });
  });

  afterAll(async () => {
    if (engine === "pglite") await closeDatabase();
  });

  test("search returns only people in the searcher's scope, and only summary fields", async () => {
    const socialworker = await asUser("socialworker");
    const found = await searchPeople({ user: socialworker, context, criteria: { kind: "pin", pin: bishkekChild.pin } });
    expect(found).toEqual([{ id: bishkekChild.id, surname: "Тестова", givenName: "Айжан", patronymic: null, birthDate: "2015-12-20" }]);
    expect(await searchPeople({ user: socialworker, context, criteria: { kind: "pin", pin: oshChild.pin } })).toEqual([]);
    const byName = await searchPeople({ user: socialworker, context, criteria: { kind: "name", surname: "  ТЕСТОВА ", birthDate: "2015-12-20" } });
    expect(byName.map((person) => person.id)).toEqual([bishkekChild.id]);
    const audit = await database.prisma.auditEvent.findFirst({ where: { action: "person.search", actorUserId: socialworker.id }, orderBy: { seq: "desc" } });
    expect(audit?.fields).toEqual(["surname", "birthDate"]);
    expect(JSON.stringify(audit, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain("Тестова");
  });

  test("an out-of-scope read is a 404 and is audited; an in-scope read shows and audits its fields", async () => {
    const inspector = await asUser("inspector");
    // Other test files share the PostgreSQL audit log: count only this test's request.
    const own = { ...context, requestId: `people-test-${newId()}` };
    expect(await statusOf(() => readPerson({ user: inspector, context: own, personId: bishkekChild.id }))).toBe(404);
    expect(await statusOf(() => readPerson({ user: inspector, context: own, personId: newId() }))).toBe(404);
    const denials = await database.prisma.auditEvent.count({
      where: { action: "record.read_denied", actorUserId: inspector.id, decision: "denied", requestId: own.requestId },
    });
    expect(denials).toBe(2);

    const socialworker = await asUser("socialworker");
    const view = await readPerson({ user: socialworker, context, personId: bishkekChild.id });
    expect(view.person).toMatchObject({ surname: "Тестова", pin: bishkekChild.pin, address: "ул. Примерная, 1", notes: "Заметка" });
    const read = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "person.read", recordId: bishkekChild.id }, orderBy: { seq: "desc" } });
    expect(read.fields).toEqual(view.fields);
  });

  test("admin and auditor never see case content", async () => {
    for (const username of ["admin", "auditor", "analyst"]) {
      expect(await statusOf(() => readPerson({ user: asUserSync(username), context, personId: bishkekChild.id }))).toBe(404);
    }
  });

  test("break-glass: step-up password, read-only view without address or notes, expiry, supervisor review", async () => {
    const pedagogue = await asUser("pedagogue");
    expect(await statusOf(() => readPerson({ user: pedagogue, context, personId: bishkekChild.id }))).toBe(404);

    const reason = "Ребёнок доставлен ночью без сопровождения, нужно связаться с законным представителем.";
    const wrong = await openBreakGlass({ user: pedagogue, context, criteria: { kind: "pin", pin: bishkekChild.pin }, reason, password: "wrong-password-1" });
    expect(wrong.ok).toBe(false);
    expect(await database.prisma.breakGlassGrant.count({ where: { userId: pedagogue.id } })).toBe(0);

    const opened = await openBreakGlass({ user: pedagogue, context, criteria: { kind: "pin", pin: bishkekChild.pin }, reason, password: DEMO_PASSWORD });
    expect(opened).toEqual({ ok: true, personIds: [bishkekChild.id] });
    const view = await readPerson({ user: pedagogue, context, personId: bishkekChild.id });
    expect(view.breakGlass).not.toBeNull();
    expect(Object.keys(view.person).sort()).toEqual(["birthDate", "givenName", "id", "patronymic", "phone", "sex", "surname"]);
    const read = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "person.read", actorUserId: pedagogue.id }, orderBy: { seq: "desc" } });
    expect(read.purpose).toBe(`break-glass:${view.breakGlass!.grantId}`);

    const [raw] = await database.withConnection((connection) =>
      connection.query<{ reason: string }>(`select reason from break_glass_grant where user_id = $1`, [pedagogue.id]),
    );
    expect(raw.reason.startsWith("kmk1.")).toBe(true);
    expect(raw.reason).not.toContain("Ребёнок");

    const supervisor = await asUser("supervisor");
    const queue = await reviewQueue({ user: supervisor, context });
    const item = queue.find((entry) => entry.requester.username === "pedagogue");
    expect(item?.reason).toBe(reason);
    expect(item?.verdict).toBeNull();
    const inspector = await asUser("inspector");
    expect(await statusOf(() => reviewBreakGlass({ user: inspector, context, grantId: item!.id, verdict: "justified" }))).toBe(404);
    await reviewBreakGlass({ user: supervisor, context, grantId: item!.id, verdict: "not_justified", comment: "Нужно было звонить дежурному." });
    const reviewed = await database.prisma.breakGlassGrant.findUniqueOrThrow({ where: { id: item!.id } });
    expect(reviewed.verdict).toBe("not_justified");
    expect(reviewed.reviewComment).toBe("Нужно было звонить дежурному.");

    await database.prisma.breakGlassGrant.updateMany({ where: { userId: pedagogue.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await statusOf(() => readPerson({ user: pedagogue, context, personId: bishkekChild.id }))).toBe(404);
  });

  const cache = new Map<string, Awaited<ReturnType<typeof asUser>>>();
  function asUserSync(username: string) {
    return cache.get(username)!;
  }
  beforeAll(async () => {
    for (const username of ["admin", "auditor", "analyst"]) cache.set(username, await asUser(username));
  });
});
