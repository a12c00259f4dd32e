import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAlerts, screeningTasksFor } from "~/modules/screenings/alerts.server";
import { escalateOverdueAssessments } from "~/modules/screenings/escalation.server";
import type { AnswerInput } from "~/modules/screenings/screenings.schema";
import { assignClinician, clinicianChoices } from "~/modules/screenings/screening-assignments.server";
import { answerQuestion } from "~/modules/screenings/screening-session.server";
import { startScreening } from "~/modules/screenings/screening-start.server";
import { readScreening } from "~/modules/screenings/screening-views.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { RecordingNotifier, setExternalNotifier } from "~/server/notify/notifier.server";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { demoAgencyCode, instrumentVersionId, seedDemo } from "~seeds/demo";
import { buildAgency, buildUser, stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "school-staff-test").toString("base64");

/**
 * School staff and screening confidentiality (decision 016, Access): a school account with the
 * supervisor role never gets district status (no alert, no overdue list, no escalation, 404 on
 * the screening); school staff are never assignable clinicians; only school staff start.
 */

const context = { requestId: "test-request", ip: "127.0.0.1" };
// Owned by the pedagogue's school, Secondary School No. 41, Leninsky district (seeds/data/people.ts).
const CHILD = stableId("person", "asanaliev-nurbek");
const LENINSKY = stableId("territory", "KG-GB-LEN");
const SCHOOL = stableId("agency", demoAgencyCode("school", "bishkek-len"));
const SOCIAL_SERVICES = stableId("agency", demoAgencyCode("social_services", "bishkek-len"));
const ASQ = instrumentVersionId("asq", 1);
const VULNERABILITY = instrumentVersionId("vulnerability", 1);
const HOUR = 3_600_000;
const T0 = new Date("2026-11-25T06:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

type User = Awaited<ReturnType<typeof asUser>>;

describe.each<Engine>(["postgres", "pglite"])("school staff and screenings on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};
  const notifier = new RecordingNotifier();
  let acute: string;

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    // A second school in Leninsky district, and school staff the review found over-privileged.
    const otherSchool = buildAgency({
      code: "test-bishkek-len-school-2",
      type: "school",
      territoryId: LENINSKY,
      nameRu: "Демо-школа № 2",
      nameKy: "Демо мектеп № 2",
      nameEn: "Demo School No. 2",
    });
    await database.prisma.agency.create({ data: otherSchool });
    const extra = [
      { username: "director-41", displayName: "Демо Директор 41", roles: ["supervisor"] as const, agencyId: SCHOOL },
      { username: "director-2", displayName: "Демо Директор 2", roles: ["supervisor"] as const, agencyId: otherSchool.id },
      { username: "teacher-2", displayName: "Демо Учитель 2", roles: ["service_provider"] as const, agencyId: otherSchool.id },
      { username: "pedagogue-social", displayName: "Демо Педагог Соцзащиты", roles: ["social_pedagogue"] as const, agencyId: SOCIAL_SERVICES },
    ];
    for (const user of extra) await database.prisma.user.create({ data: await buildUser({ ...user, roles: [...user.roles], password: DEMO_PASSWORD }) });
    for (const name of ["pedagogue", "psychologist", "supervisor", "nurse", "provider", ...extra.map((user) => user.username)])
      users[name] = await asUser(name);
    setExternalNotifier(notifier);
  });

  afterAll(async () => {
    setExternalNotifier(undefined);
    if (engine === "pglite") await closeDatabase();
  });

  /** An acute positive (ASQ 1 yes, acuity yes) through the real session, completed at `now`. */
  async function screenAcute(now: Date): Promise<string> {
    const started = await startScreening({ user: users.pedagogue, context, now, input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" } });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const answer = (item: string, value: AnswerInput["answer"]) =>
      answerQuestion({
        user: users.pedagogue,
        context,
        screeningId: started.id,
        now,
        input: { instrumentVersionId: item.startsWith("asq") ? ASQ : VULNERABILITY, item, answer: value },
      });
    await answer("asq1", "yes");
    for (const item of ["asq2", "asq3", "asq4"]) await answer(item, "no");
    expect(await answer("asq5", "yes")).toEqual({ ok: true, completed: true });
    return started.id;
  }

  const directors = () => [users["director-41"], users["director-2"]];

  test("acute positive: no alert, no e-mail/SMS and a 404 for school supervisors; the district supervisor is alerted", async () => {
    notifier.clear();
    acute = await screenAcute(T0);
    const recipients = (await database.prisma.screeningAlert.findMany({ where: { screeningId: acute }, select: { recipientUserId: true } })).map(
      (a) => a.recipientUserId,
    );
    expect(recipients).toContain(users.supervisor.id);
    expect(recipients).toContain(users.psychologist.id);
    const notified = notifier.sent.map((n) => n.to);
    expect(notified).toContain(users.supervisor.id);
    for (const director of directors()) {
      expect(recipients).not.toContain(director.id);
      expect(notified).not.toContain(director.id);
      expect(await statusOf(() => readScreening({ user: director, context, screeningId: acute }))).toBe(404);
    }
    expect((await readScreening({ user: users.supervisor, context, screeningId: acute })).access).toBe("status");
  });

  test("overdue: school supervisors get no overdue view and no escalation; the district supervisor does", async () => {
    const now = at(25);
    for (const director of directors()) {
      const view = await listAlerts({ user: director, context, now });
      expect(view.overdue).toBeNull();
      expect(view.overdueScope).toBeNull();
    }
    expect((await listAlerts({ user: users.supervisor, context, now })).overdue?.map((o) => o.screeningId)).toContain(acute);

    notifier.clear();
    expect((await escalateOverdueAssessments({ now })).escalated).toBe(1);
    const escalated = (
      await database.prisma.screeningAlert.findMany({ where: { screeningId: acute, kind: "assessment_overdue" }, select: { recipientUserId: true } })
    ).map((a) => a.recipientUserId);
    expect(escalated).toContain(users.supervisor.id);
    for (const director of directors()) {
      expect(escalated).not.toContain(director.id);
      expect(notifier.sent.map((n) => n.to)).not.toContain(director.id);
      expect(await database.prisma.screeningAlert.count({ where: { recipientUserId: director.id } })).toBe(0);
      expect(await statusOf(() => clinicianChoices({ user: director, context, screeningId: acute }))).toBe(404);
    }
  });

  test("clinicians: health, crisis and NGO service providers and the school's psychologists, never a school's service provider", async () => {
    const choices = (await clinicianChoices({ user: users.psychologist, context, screeningId: acute })).map((c) => c.id);
    expect(choices).toContain(users.nurse.id);
    expect(choices).toContain(users.provider.id);
    expect(choices).not.toContain(users["teacher-2"].id);
    expect(choices).not.toContain(users["director-41"].id);
    expect(choices).not.toContain(users.supervisor.id);
    expect(await assignClinician({ user: users.psychologist, context, screeningId: acute, userId: users["teacher-2"].id })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "screening.error.clinician",
    });
    expect(await database.prisma.screeningAssignment.count({ where: { screeningId: acute } })).toBe(0);
    expect(await statusOf(() => readScreening({ user: users["teacher-2"], context, screeningId: acute }))).toBe(404);

    // An assignment the policy no longer accepts (made before this rule, or the user's job changed) opens nothing, not even the task inbox.
    await database.prisma.screeningAssignment.create({
      data: { id: stableId("assignment", "legacy-teacher"), screeningId: acute, userId: users["teacher-2"].id, assignedById: users.psychologist.id },
    });
    try {
      expect(await statusOf(() => readScreening({ user: users["teacher-2"], context, screeningId: acute }))).toBe(404);
      expect((await screeningTasksFor(users["teacher-2"])).map((task) => task.screeningId)).not.toContain(acute);
    } finally {
      await database.prisma.screeningAssignment.deleteMany({ where: { id: stableId("assignment", "legacy-teacher") } });
    }
  });

  test("a social pedagogue employed by social services does not start a screening, even of a person of their own agency", async () => {
    const own = await database.prisma.person.findFirstOrThrow({
      where: { ownerAgencyId: SOCIAL_SERVICES, mergedIntoId: null },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const user = users["pedagogue-social"];
    expect(await statusOf(() => startScreening({ user, context, now: T0, input: { personId: own.id, assent: "yes", guardian: "will_be_informed" } }))).toBe(
      404,
    );
    expect(await database.prisma.screening.count({ where: { screenerUserId: user.id } })).toBe(0);
  });
});
