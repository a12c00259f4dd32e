import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listPupils, type PupilList } from "~/modules/screenings/pupils.server";
import type { AnswerInput } from "~/modules/screenings/screenings.schema";
import { answerQuestion } from "~/modules/screenings/screening-session.server";
import { startScreening } from "~/modules/screenings/screening-start.server";
import { loader as pupilsLoader } from "~/routes/screenings.pupils";
import { startSession } from "~/server/auth/session.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { demoAgencyCode, instrumentVersionId, seedDemo } from "~seeds/demo";
import { buildUser, stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { seededPersonRows } from "../support/seed-counts";
import { asUser, statusOf } from "../support/users";

/**
 * The school's pupil list (decision 018): a school's social pedagogues and psychologists see
 * the records their school owns and nobody else's; everyone else gets an audited 404; the last
 * screening shown is the newest one the viewer may read, never a result; every view audited.
 */
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "pupils-test").toString("base64");

const context = { requestId: "pupils-test", ip: "127.0.0.1", cspNonce: "" };
const SCHOOL = stableId("agency", demoAgencyCode("school", "bishkek-len"));
const OSH_SCHOOL = stableId("agency", demoAgencyCode("school", "osh"));
const SOCIAL_SERVICES = stableId("agency", demoAgencyCode("social_services", "bishkek-len"));
const ASQ = instrumentVersionId("asq", 1);
const VULNERABILITY = instrumentVersionId("vulnerability", 1);
// Demo pupils of Secondary School No. 41 (seeds/data/people.ts).
const KENZHEBAEV = stableId("person", "kenzhebaev-aibek");
const IBRAIMOVA = stableId("person", "ibraimova-sezim");
const ASANALIEV = stableId("person", "asanaliev-nurbek");

const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });
const seededOwnedBy = (agencyId: string) => seededPersonRows().filter((person) => person.ownerAgencyId === agencyId);

type User = Awaited<ReturnType<typeof asUser>>;
type Json = Record<string, unknown>;

async function callLoader(url: string, cookie: string): Promise<Response> {
  const request = new Request(`http://localhost${url}`, { headers: { cookie } });
  try {
    return await pupilsLoader({ request, context, params: {} } as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("school pupil list on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    // A teacher-like member of the same school (neither social pedagogue nor psychologist) and
    // a social pedagogue who works for social services, not a school.
    await database.prisma.user.create({
      data: await buildUser({
        username: "teacher-41",
        displayName: "Учитель Демо",
        roles: ["service_provider"],
        agencyId: SCHOOL,
        password: "Kamkor-demo-2026",
      }),
    });
    await database.prisma.user.create({
      data: await buildUser({
        username: "pedagogue-social",
        displayName: "Педагог Соцслужбы",
        roles: ["social_pedagogue"],
        agencyId: SOCIAL_SERVICES,
        password: "Kamkor-demo-2026",
      }),
    });
    for (const name of [
      "pedagogue",
      "psychologist",
      "pedagogue-osh",
      "teacher-41",
      "pedagogue-social",
      "inspector",
      "supervisor",
      "socialworker",
      "admin",
      "auditor",
      "analyst",
    ]) {
      users[name] = await asUser(name);
    }
    for (const name of ["pedagogue", "inspector", "teacher-41", "auditor"]) cookies[name] = (await startSession(users[name].id, "full")).split(";")[0];
  });

  const list = (name: string, q = "", page = 1): Promise<PupilList> => listPupils({ user: users[name], context, query: { q, page } });
  const answer = (user: User, screeningId: string, item: string, value: AnswerInput["answer"]) =>
    answerQuestion({ user, context, screeningId, input: { instrumentVersionId: item.startsWith("asq") ? ASQ : VULNERABILITY, item, answer: value } });

  test("the pedagogue sees exactly the school's records, sorted by surname then given name, each with a start link", async () => {
    const expected = seededOwnedBy(SCHOOL);
    expect(expected.length).toBeGreaterThanOrEqual(12);
    const view = await list("pedagogue");
    expect(view).toMatchObject({ total: expected.length, page: 1, pageCount: 1, from: 1, to: expected.length, mayCreate: true });
    expect(new Set(view.rows.map((row) => row.id))).toEqual(new Set(expected.map((person) => person.id)));
    const names = view.rows.map((row) => row.name);
    const sorted = [...expected]
      .sort(
        (a, b) =>
          collator.compare(a.surname, b.surname) || collator.compare(a.givenName, b.givenName) || collator.compare(a.patronymic ?? "", b.patronymic ?? ""),
      )
      .map((person) => [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" "));
    expect(names).toEqual(sorted);
    expect(names).toContain("Кенжебаев Айбек Маратович");
    expect(names).toContain("Турсунов Азиз");
    for (const row of view.rows) expect(row.startHref).toBe(`/screenings/new?personId=${row.id}`);
    expect(view.rows.find((row) => row.id === KENZHEBAEV)).toMatchObject({ birthDate: "2014-04-11", lastScreening: null });

    // The school psychologist sees the same children.
    expect(new Set((await list("psychologist")).rows.map((row) => row.id))).toEqual(new Set(expected.map((person) => person.id)));
  });

  test("another school's pedagogue sees their own school's records and none of School No. 41's", async () => {
    const view = await list("pedagogue-osh");
    const ours = new Set(seededOwnedBy(SCHOOL).map((person) => person.id));
    expect(view.rows.some((row) => ours.has(row.id))).toBe(false);
    expect(new Set(view.rows.map((row) => row.id))).toEqual(new Set(seededOwnedBy(OSH_SCHOOL).map((person) => person.id)));
    expect((await list("pedagogue-osh", "Кенжебаев")).total).toBe(0);
  });

  test("teacher-like school staff, a pedagogue outside a school, inspectors and admin roles: audited 404", async () => {
    for (const name of ["teacher-41", "pedagogue-social", "inspector", "supervisor", "socialworker", "admin", "auditor", "analyst"]) {
      expect(await statusOf(() => list(name)), name).toBe(404);
      const denied = await database.prisma.auditEvent.findFirstOrThrow({
        where: { action: "record.read_denied", actorUserId: users[name].id, recordType: "area", recordId: "pupils" },
        orderBy: { seq: "desc" },
      });
      expect(denied.decision).toBe("denied");
    }
    expect(
      await database.prisma.auditEvent.count({
        where: { action: "screening.pupils_listed", actorUserId: { in: ["teacher-41", "inspector", "admin"].map((name) => users[name].id) } },
      }),
    ).toBe(0);

    // Through the route: requireArea refuses roles without the area before any module code runs.
    for (const name of ["inspector", "teacher-41", "auditor"]) {
      const response = await callLoader("/screenings/pupils", cookies[name]);
      expect(response.status, name).toBe(404);
    }
    const ok = await callLoader("/screenings/pupils?q=%D0%BA%D0%B5%D0%BD%D0%B6%D0%B5", cookies.pedagogue);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { list: PupilList };
    expect(body.list.rows.map((row) => row.name)).toEqual(["Кенжебаев Айбек Маратович"]);
    // Bad input: 400, not 500, and nothing listed.
    for (const url of ["/screenings/pupils?page=0", "/screenings/pupils?personId=x", "/screenings/pupils?q=a&q=b", `/screenings/pupils?q=${"я".repeat(101)}`]) {
      const refused = await callLoader(url, cookies.pedagogue);
      expect(refused.status, url).toBe(400);
      expect(((await refused.json()) as Json).list, url).toBeNull();
    }
  });

  test("the name filter: part of a name, any case, several words, Kyrgyz letters typed on a Russian layout", async () => {
    expect((await list("pedagogue", "кенжеБАЕВ")).rows.map((row) => row.name)).toEqual(["Кенжебаев Айбек Маратович"]);
    expect((await list("pedagogue", "айбек кенж")).rows.map((row) => row.id)).toEqual([KENZHEBAEV]);
    expect((await list("pedagogue", "усонбаева")).rows.map((row) => row.name)).toEqual(["Үсөнбаева Нургуль Эркиновна"]);
    expect((await list("pedagogue", "Асаналиев")).rows.map((row) => row.id)).toEqual([ASANALIEV]);
    const none = await list("pedagogue", "Нет Такого");
    expect(none).toMatchObject({ rows: [], total: 0, from: 0, to: 0, mayCreate: true });
    // People owned by other agencies never match, even by exact name (Хегай is the inspector's record).
    expect((await list("pedagogue", "Хегай Виктория")).total).toBe(0);
  });

  test("the last-screening column shows only screenings the viewer may read, status and dates only, never the result", async () => {
    // The pedagogue screens Kenzhebaev: non-acute positive, so a re-screening is due.
    const started = await startScreening({ user: users.pedagogue, context, input: { personId: KENZHEBAEV, assent: "yes", guardian: "will_be_informed" } });
    if (!started.ok) throw new Error(JSON.stringify(started));
    await answer(users.pedagogue, started.id, "asq1", "yes");
    for (const item of ["asq2", "asq3", "asq4"]) await answer(users.pedagogue, started.id, item, "no");
    await answer(users.pedagogue, started.id, "asq5", "no");
    for (const item of ["bullying_or_racket", "violence_at_home", "neglect", "sexual_abuse", "parents_abroad", "substance_use"])
      await answer(users.pedagogue, started.id, item, "no");
    expect(await answer(users.pedagogue, started.id, "other_worry", "none")).toEqual({ ok: true, completed: true });
    const own = await database.prisma.screening.findUniqueOrThrow({
      where: { id: started.id },
      select: { id: true, result: true, completedAt: true, rescreenDueAt: true },
    });
    expect(own.result).toBe("non_acute_positive");
    expect(own.rescreenDueAt).not.toBeNull();

    // A newer screening of the same child recorded by another school: nobody at School No. 41 may read it.
    const foreign = newId();
    await database.prisma.screening.create({
      data: {
        id: foreign,
        personId: KENZHEBAEV,
        schoolAgencyId: OSH_SCHOOL,
        territoryId: stableId("territory", "KG-GO-OSH"),
        screenerUserId: users["pedagogue-osh"].id,
        asqVersionId: ASQ,
        consent: "assent;guardian:will_be_informed",
        status: "completed",
        result: "acute_positive",
        startedAt: new Date(Date.now() + 86_400_000),
        completedAt: new Date(Date.now() + 86_400_000),
      },
    });
    // The psychologist's screening of Ibraimova, still in progress: the pedagogue may not read it.
    const psychologists = await startScreening({
      user: users.psychologist,
      context,
      input: { personId: IBRAIMOVA, assent: "yes", guardian: "will_be_informed" },
    });
    if (!psychologists.ok) throw new Error(JSON.stringify(psychologists));

    const pedagogueView = await list("pedagogue");
    const kenzhebaev = pedagogueView.rows.find((row) => row.id === KENZHEBAEV)!;
    expect(kenzhebaev.lastScreening).toEqual({
      id: own.id,
      href: `/screenings/${own.id}`,
      status: "completed",
      startedAt: expect.any(String),
      completedAt: own.completedAt!.toISOString(),
    });
    // A re-screening date exists only after a positive screen: never on the list.
    expect(JSON.stringify(pedagogueView)).not.toContain(own.rescreenDueAt!.toISOString());
    expect(pedagogueView.rows.find((row) => row.id === IBRAIMOVA)!.lastScreening).toBeNull();
    const serialised = JSON.stringify(pedagogueView);
    expect(serialised).not.toContain(foreign);
    expect(serialised).not.toContain(psychologists.id);
    expect(serialised).not.toMatch(/acute_positive|non_acute|negative|"result"|findings/);

    // The school psychologist reads both School No. 41 screenings (school_psychologist relation), still not the other school's.
    const psychologistView = await list("psychologist");
    expect(psychologistView.rows.find((row) => row.id === KENZHEBAEV)!.lastScreening?.id).toBe(own.id);
    expect(psychologistView.rows.find((row) => row.id === IBRAIMOVA)!.lastScreening).toMatchObject({
      id: psychologists.id,
      status: "in_progress",
      completedAt: null,
    });
    expect(JSON.stringify(psychologistView)).not.toContain(foreign);
  });

  test("every list view is audited once: the school, the name fields, purpose pupil-list, no values", async () => {
    const before = await database.prisma.auditEvent.count({ where: { action: "screening.pupils_listed", actorUserId: users.pedagogue.id } });
    await list("pedagogue", "Кенжебаев");
    await list("pedagogue", "нет такого");
    const events = await database.prisma.auditEvent.findMany({
      where: { action: "screening.pupils_listed", actorUserId: users.pedagogue.id },
      orderBy: { seq: "asc" },
    });
    expect(events).toHaveLength(before + 2);
    const [withScreening, empty] = events.slice(-2);
    expect(withScreening).toMatchObject({ decision: "allowed", recordType: "agency", recordId: SCHOOL, purpose: "pupil-list" });
    expect(withScreening.fields).toEqual(["surname", "givenName", "patronymic", "birthDate", "screeningStatus"]);
    expect(empty.fields).toEqual(["surname", "givenName", "patronymic", "birthDate"]);
    expect(JSON.stringify(events, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toMatch(/Кенжебаев|нет такого/);
  });

  test("50 a page: a school with more records pages them, the filter is kept, a page past the end shows the last", async () => {
    const owned = seededOwnedBy(SCHOOL).length;
    const extra = 60 - owned;
    await database.prisma.person.createMany({
      data: Array.from({ length: extra }, (_, i) => ({
        id: newId(),
        surname: `Демоученик${String(i).padStart(2, "0")}`,
        givenName: "Тест",
        birthDate: "2012-01-01",
        birthYear: 2012,
        ownerAgencyId: SCHOOL,
        territoryId: users.pedagogue.agency.territoryId,
        createdById: users.pedagogue.id,
      })),
    });
    const first = await list("pedagogue");
    expect(first).toMatchObject({ total: 60, page: 1, pageCount: 2, from: 1, to: 50 });
    expect(first.rows).toHaveLength(50);
    const second = await list("pedagogue", "", 2);
    expect(second).toMatchObject({ total: 60, page: 2, from: 51, to: 60 });
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(60);
    expect(await list("pedagogue", "", 7)).toMatchObject({ page: 2, from: 51, to: 60 });
    expect(await list("pedagogue", "демоученик", 1)).toMatchObject({ total: extra, pageCount: Math.ceil(extra / 50) });
  });
});
