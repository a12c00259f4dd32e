import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAlerts, screeningTasksFor } from "~/modules/screenings/alerts.server";
import { escalateOverdueAssessments } from "~/modules/screenings/escalation.server";
import { recordAssessment } from "~/modules/screenings/pathway-commands.server";
import { pathwayStateFor } from "~/modules/screenings/pathway-state.server";
import type { AssessmentFormInput } from "~/modules/screenings/pathways.schema";
import type { AnswerInput } from "~/modules/screenings/screenings.schema";
import { answerQuestion } from "~/modules/screenings/screening-session.server";
import { startScreening } from "~/modules/screenings/screening-start.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { RecordingNotifier, setExternalNotifier } from "~/server/notify/notifier.server";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { demoAgencyCode, instrumentVersionId, seedDemo } from "~seeds/demo";
import { buildAgency, buildUser, stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "escalation-test").toString("base64");

const context = { requestId: "test-request", ip: "127.0.0.1" };
// A pupil of Secondary School No. 41, Leninsky district of Bishkek (seeds/data/people.ts).
const BISHKEK_CHILD = stableId("person", "asanaliev-nurbek");
const SOKULUK = stableId("territory", "KG-C-SOK");
const SOKULUK_SCHOOL = stableId("agency", demoAgencyCode("school", "sokuluk"));
const ASQ = instrumentVersionId("asq", 1);
const VULNERABILITY = instrumentVersionId("vulnerability", 1);
const CSSRS = instrumentVersionId("cssrs-screener", 1);
const HOUR = 3_600_000;
const T0 = new Date("2026-11-25T06:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

type User = Awaited<ReturnType<typeof asUser>>;

describe.each<Engine>(["postgres", "pglite"])("overdue escalation on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};
  const notifier = new RecordingNotifier();
  // Synthetic pupil of the Sokuluk school, and a psychologist there (the demo has none).
  const sokulukChild = newId();

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    await database.prisma.person.create({
      data: {
        id: sokulukChild,
        surname: "Демо-Токтогулов",
        givenName: "Эрмек",
        sex: "male",
        birthYear: 2012,
        territoryId: SOKULUK,
        ownerAgencyId: SOKULUK_SCHOOL,
        createdById: stableId("user", "pedagogue-sokuluk"),
      },
    });
    await database.prisma.user.create({
      data: await buildUser({
        username: "psychologist-sokuluk-test",
        displayName: "Демо Психолог Сокулук",
        roles: ["school_psychologist"],
        agencyId: SOKULUK_SCHOOL,
        password: DEMO_PASSWORD,
      }),
    });
    for (const name of [
      "pedagogue",
      "psychologist",
      "supervisor",
      "supervisor-osh",
      "pedagogue-sokuluk",
      "supervisor-sokuluk",
      "supervisor-chui",
      "psychologist-sokuluk-test",
      "inspector",
    ]) {
      users[name] = await asUser(name);
    }
    setExternalNotifier(notifier);
  });

  afterAll(async () => {
    setExternalNotifier(undefined);
    if (engine === "pglite") await closeDatabase();
  });

  /** A screening recorded through the real session, completed at `now`: acute (ASQ 1 yes, acuity yes) or non-acute (acuity no). */
  async function screen(kind: "acute" | "non_acute", now: Date, screener = "pedagogue", personId = BISHKEK_CHILD): Promise<string> {
    const user = users[screener];
    const started = await startScreening({ user, context, now, input: { personId, assent: "yes", guardian: "will_be_informed" } });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const answer = (item: string, value: AnswerInput["answer"]) =>
      answerQuestion({
        user,
        context,
        screeningId: started.id,
        now,
        input: { instrumentVersionId: item.startsWith("asq") ? ASQ : VULNERABILITY, item, answer: value },
      });
    const steps: Array<[string, AnswerInput["answer"]]> = [
      ["asq1", "yes"],
      ["asq2", "no"],
      ["asq3", "no"],
      ["asq4", "no"],
      ["asq5", kind === "acute" ? "yes" : "no"],
    ];
    steps.push(
      ...(["bullying_or_racket", "violence_at_home", "neglect", "sexual_abuse", "parents_abroad", "substance_use"] as const).map(
        (item): [string, AnswerInput["answer"]] => [item, "no"],
      ),
      ["other_worry", "none"],
    );
    for (const [item, value] of steps) {
      const result = await answer(item, value);
      if (!result.ok) throw new Error(`${item}: ${JSON.stringify(result)}`);
      if ("completed" in result && result.completed) return started.id;
    }
    throw new Error("the screening did not complete");
  }

  const overdueAlerts = (screeningId: string) =>
    database.prisma.screeningAlert.findMany({ where: { screeningId, kind: "assessment_overdue" }, select: { recipientUserId: true, createdAt: true } });
  const recipientsOf = async (screeningId: string) => (await overdueAlerts(screeningId)).map((a) => a.recipientUserId).sort();
  const escalatedAt = async (id: string) =>
    (await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { overdueEscalatedAt: true } })).overdueEscalatedAt;

  let bishkekAcute: string;
  let sokulukAcute: string;

  test("not yet overdue: nothing is escalated", async () => {
    bishkekAcute = await screen("acute", T0);
    notifier.clear();
    expect(await escalateOverdueAssessments({ now: at(23.9) })).toEqual({ escalated: 0, skipped: 0, alerts: 0, notifyFailed: 0 });
    expect(await overdueAlerts(bishkekAcute)).toEqual([]);
    expect(await escalatedAt(bishkekAcute)).toBeNull();
    expect(notifier.sent).toEqual([]);
  });

  test("overdue: alerts to the district's supervisors, the school's psychologists and the region's supervisors, once; audited; pointer-only notifications", async () => {
    sokulukAcute = await screen("acute", T0, "pedagogue-sokuluk", sokulukChild);
    notifier.clear();
    const now = at(25);
    const result = await escalateOverdueAssessments({ now });
    expect(result).toEqual({ escalated: 2, skipped: 0, alerts: 5, notifyFailed: 0 });

    // Sokuluk (Chuy region): the district supervisor, the school psychologist and the Chuy regional supervisor.
    expect(await recipientsOf(sokulukAcute)).toEqual(
      [users["supervisor-sokuluk"].id, users["psychologist-sokuluk-test"].id, users["supervisor-chui"].id].sort(),
    );
    // Leninsky (Bishkek): no supervisor above the district in the demo; nobody from Chuy or Osh.
    expect(await recipientsOf(bishkekAcute)).toEqual([users.psychologist.id, users.supervisor.id].sort());
    expect((await overdueAlerts(sokulukAcute)).every((a) => a.createdAt.getTime() === now.getTime())).toBe(true);
    expect(await escalatedAt(sokulukAcute)).toEqual(now);
    expect(await escalatedAt(bishkekAcute)).toEqual(now);

    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "screening.overdue_escalated", recordId: sokulukAcute } });
    expect(audit).toMatchObject({
      actorUserId: null,
      recordType: "screening",
      decision: "allowed",
      fields: ["overdueEscalatedAt", "alerts"],
      purpose: "command_line:alerts:3",
    });
    // Audit events outlive truncateAll (other files' sweeps share the cluster): count this test's.
    expect(await database.prisma.auditEvent.count({ where: { action: "screening.overdue_escalated", recordId: { in: [sokulukAcute, bishkekAcute] } } })).toBe(
      2,
    );

    // The gateway gets who, what kind and where — nothing else; the regional supervisor is sent to the overdue list.
    const forSokuluk = notifier.sent.filter((n) => n.to !== users.psychologist.id && n.to !== users.supervisor.id);
    expect(forSokuluk.sort((a, b) => a.to.localeCompare(b.to))).toEqual(
      [
        { to: users["supervisor-sokuluk"].id, kind: "overdue", link: `/screenings/${sokulukAcute}` },
        { to: users["psychologist-sokuluk-test"].id, kind: "overdue", link: `/screenings/${sokulukAcute}` },
        { to: users["supervisor-chui"].id, kind: "overdue", link: "/screenings/alerts" },
      ].sort((a, b) => a.to.localeCompare(b.to)),
    );
    expect(notifier.sent).toHaveLength(5);
    for (const notification of notifier.sent) expect(Object.keys(notification).sort()).toEqual(["kind", "link", "to"]);
    expect(JSON.stringify(notifier.sent)).not.toMatch(/acute|positive|Токтогулов|Асаналиев|asq/i);

    // A second run (and a later one) finds nothing new.
    notifier.clear();
    expect(await escalateOverdueAssessments({ now: at(26) })).toMatchObject({ escalated: 0, alerts: 0 });
    expect(await escalateOverdueAssessments({ now: at(24 * 30) })).toMatchObject({ escalated: 0, alerts: 0 });
    expect(await recipientsOf(sokulukAcute)).toHaveLength(3);
    expect(await escalatedAt(sokulukAcute)).toEqual(now);
    expect(notifier.sent).toEqual([]);
  });

  test("an assessment done before its due time is never escalated", async () => {
    const start = at(48);
    const id = await screen("acute", start);
    const input = {
      instrumentVersionId: CSSRS,
      plan: "Демо-план",
      item_wish_dead: "yes",
      item_suicidal_thoughts: "no",
      item_behaviour: "no",
    } as unknown as AssessmentFormInput;
    expect(await recordAssessment({ user: users.psychologist, context, screeningId: id, input, now: new Date(start.getTime() + 3 * HOUR) })).toMatchObject({
      ok: true,
    });
    expect(await escalateOverdueAssessments({ now: new Date(start.getTime() + 100 * HOUR) })).toMatchObject({ escalated: 0 });
    expect(await overdueAlerts(id)).toEqual([]);
    expect(await escalatedAt(id)).toBeNull();
  });

  test("two sweeps at once (as two servers): each overdue screening is escalated exactly once", async () => {
    const start = at(24 * 10);
    const ids = [await screen("acute", start), await screen("acute", start), await screen("non_acute", start)];
    const row = await database.prisma.screening.findUniqueOrThrow({ where: { id: ids[2] }, select: { result: true, assessmentDueAt: true } });
    expect(row).toEqual({ result: "non_acute_positive", assessmentDueAt: new Date(start.getTime() + 72 * HOUR) });
    notifier.clear();
    const now = new Date(start.getTime() + 73 * HOUR);
    const [first, second] = await Promise.all([escalateOverdueAssessments({ now, batchSize: 1 }), escalateOverdueAssessments({ now, batchSize: 2 })]);
    expect(first.escalated + second.escalated).toBe(3);
    expect(first.alerts + second.alerts).toBe(6);
    for (const id of ids) expect(await recipientsOf(id)).toEqual([users.psychologist.id, users.supervisor.id].sort());
    expect(notifier.sent).toHaveLength(6);
    expect(await database.prisma.auditEvent.count({ where: { action: "screening.overdue_escalated", recordId: { in: ids } } })).toBe(3);
  });

  test("the supervisors' supervisor view: the region's supervisor sees the overdue rows of its districts, labelled, pointer only; other regions do not", async () => {
    const now = at(30);
    const regional = await listAlerts({ user: users["supervisor-chui"], context, now });
    expect(regional.overdueScope).toBe("region");
    const row = regional.overdue?.find((o) => o.screeningId === sokulukAcute);
    expect(row).toMatchObject({
      href: null,
      dueAt: at(24).toISOString(),
      district: { nameEn: "Sokuluk District" },
      school: { nameEn: "Secondary School No. 3, Sokuluk District" },
      screener: users["pedagogue-sokuluk"].displayName,
      escalatedAt: at(25).toISOString(),
    });
    expect(regional.overdue?.some((o) => o.screeningId === bishkekAcute)).toBe(false);
    // Their own alert points to the list, not to a screening they may not open (the screening policy is unchanged).
    expect(regional.alerts.find((a) => a.screeningId === sokulukAcute)).toMatchObject({ kind: "assessment_overdue", href: null });
    expect(await statusOf(() => pathwayStateFor({ user: users["supervisor-chui"], screeningId: sokulukAcute }))).toBe(404);
    expect(JSON.stringify(regional)).not.toMatch(/acute_positive|non_acute|Токтогулов|answers|findings/);
    const tasks = await screeningTasksFor(users["supervisor-chui"], now);
    expect(tasks.find((t) => t.screeningId === sokulukAcute)).toMatchObject({ kind: "screening_overdue", href: "/screenings/alerts", childName: null });

    // The district supervisor keeps the district view, with the link.
    const district = await listAlerts({ user: users["supervisor-sokuluk"], context, now });
    expect(district.overdueScope).toBe("district");
    expect(district.overdue?.find((o) => o.screeningId === sokulukAcute)).toMatchObject({
      href: `/screenings/${sokulukAcute}`,
      escalatedAt: at(25).toISOString(),
    });
    expect(district.alerts.find((a) => a.screeningId === sokulukAcute)).toMatchObject({ kind: "assessment_overdue", href: `/screenings/${sokulukAcute}` });

    // Other districts' and other regions' supervisors do not see Sokuluk.
    for (const name of ["supervisor", "supervisor-osh"]) {
      expect(
        (await listAlerts({ user: users[name], context, now })).overdue?.some((o) => o.screeningId === sokulukAcute),
        name,
      ).toBe(false);
    }
    // A supervisor of Bishkek city (another top-level territory) sees Leninsky's overdue row, not Sokuluk's.
    const bishkek = buildAgency({
      code: "test-bishkek-city-social-services",
      type: "social_services",
      territoryId: stableId("territory", "KG-GB"),
      nameRu: "Демо-управление г. Бишкек",
      nameKy: "Демо Бишкек",
      nameEn: "Demo Office, Bishkek City",
    });
    await database.prisma.agency.create({ data: bishkek });
    await database.prisma.user.create({
      data: await buildUser({
        username: "supervisor-bishkek-test",
        displayName: "Демо Руководитель Бишкек",
        roles: ["supervisor"],
        agencyId: bishkek.id,
        password: DEMO_PASSWORD,
      }),
    });
    const city = await listAlerts({ user: await asUser("supervisor-bishkek-test"), context, now });
    expect(city.overdueScope).toBe("region");
    expect(city.overdue?.map((o) => o.screeningId)).toContain(bishkekAcute);
    expect(city.overdue?.map((o) => o.screeningId)).not.toContain(sokulukAcute);
    // Not a supervisor: no overdue view at all.
    expect((await listAlerts({ user: users.inspector, context, now })).overdue).toBeNull();
  });
});
