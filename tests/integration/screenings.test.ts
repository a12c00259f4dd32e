import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { personChronology } from "~/modules/chronology/chronology-view.server";
import type { AnswerInput } from "~/modules/screenings/screenings.schema";
import { assignClinician, clinicianChoices } from "~/modules/screenings/screening-assignments.server";
import { answerQuestion, screeningStep } from "~/modules/screenings/screening-session.server";
import { newScreeningContext, startScreening } from "~/modules/screenings/screening-start.server";
import { readScreening, screeningLinksFor } from "~/modules/screenings/screening-views.server";
import { SCREENING_SESSION_HOURS, stopExpiredSessions } from "~/modules/screenings/session-expiry.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { demoAgencyCode, instrumentVersionId, seedDemo, seedInstruments } from "~seeds/demo";
import { buildUser, stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

const context = { requestId: "test-request", ip: "127.0.0.1" };
// Owned by the pedagogue's school, Secondary School No. 41 (seeds/data/people.ts).
const CHILD = stableId("person", "asanaliev-nurbek");
const SCHOOL = stableId("agency", demoAgencyCode("school", "bishkek-len"));
const ASQ = instrumentVersionId("asq", 1);
const VULNERABILITY = instrumentVersionId("vulnerability", 1);
/** A refused answer: 400, or 409 (a refusal with `conflict`, the version the screening has now) when the session moved on. */
const refusedAnswer = (formError: string, status: 400 | 409) => ({
  ok: false,
  fieldErrors: {},
  formError,
  ...(status === 409 ? { conflict: { version: expect.any(Number), changes: [] } } : {}),
});

type User = Awaited<ReturnType<typeof asUser>>;

describe.each<Engine>(["postgres", "pglite"])("screenings on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    // A teacher-like member of the same school: neither social pedagogue nor psychologist.
    await database.prisma.user.create({
      data: await buildUser({
        username: "teacher-41",
        displayName: "Учитель Демо",
        roles: ["service_provider"],
        agencyId: SCHOOL,
        password: "Kamkor-demo-2026",
      }),
    });
    for (const name of [
      "pedagogue",
      "psychologist",
      "inspector",
      "socialworker",
      "supervisor",
      "analyst",
      "admin",
      "auditor",
      "officer",
      "teacher-41",
      "pedagogue-osh",
      "inspector-osh",
      "nurse",
    ]) {
      users[name] = await asUser(name);
    }
  });

  afterAll(async () => {
    if (engine === "pglite") await closeDatabase();
  });

  const start = async (user = users.pedagogue) => {
    const started = await startScreening({ user, context, input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" } });
    if (!started.ok) throw new Error(JSON.stringify(started));
    return started.id;
  };
  const answer = (screeningId: string, item: string, value: AnswerInput["answer"], extra: Partial<AnswerInput> = {}, user = users.pedagogue) =>
    answerQuestion({ user, context, screeningId, input: { instrumentVersionId: item.startsWith("asq") ? ASQ : VULNERABILITY, item, answer: value, ...extra } });

  test("instruments are seeded once, idempotently, as reference data; a database seeded before the ASQ's age range gets it from its migration", async () => {
    expect(await seedInstruments(database.prisma)).toBe(0);
    const asqRange = async () =>
      (
        await database.withConnection((c) =>
          c.query<{ range: unknown }>(`select definition->'ageRange' as range from instrument_version where instrument = 'asq' and version = 1`),
        )
      )[0].range;
    expect(await asqRange()).toEqual({ min: 10, max: 24 });
    await database.withConnection((c) =>
      c.query(`update instrument_version set definition = definition - 'ageRange' where instrument = 'asq' and version = 1`),
    );
    expect(await asqRange()).toBeNull();
    const amendment = readFileSync(join(process.cwd(), "prisma/migrations/20261125124500_asq_age_range/migration.sql"), "utf8");
    await database.withConnection((c) => c.exec(amendment));
    expect(await asqRange()).toEqual({ min: 10, max: 24 });
    const rows = await database.prisma.instrumentVersion.findMany({ orderBy: { instrument: "asc" }, select: { instrument: true, version: true } });
    expect(rows).toEqual([
      { instrument: "asq", version: 1 },
      { instrument: "cssrs-screener", version: 1 },
      // The protection orders' risk checklist shares the table (decision 022).
      { instrument: "order-risk", version: 1 },
      { instrument: "vulnerability", version: 1 },
    ]);
  });

  test("full session → acute positive: stops after the acuity item, completes, pathway, chronology, audit", async () => {
    const id = await start();
    const row = await database.prisma.screening.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "in_progress",
      asqVersionId: ASQ,
      vulnerabilityVersionId: VULNERABILITY,
      consent: "assent;guardian:will_be_informed",
      schoolAgencyId: SCHOOL,
      screenerUserId: users.pedagogue.id,
    });

    const step = await screeningStep({ user: users.pedagogue, context, screeningId: id });
    expect(step.kind === "question" && step.question.item.code).toBe("asq1");
    expect(await answer(id, "asq1", "yes")).toEqual({ ok: true, completed: false });
    for (const item of ["asq2", "asq3", "asq4"]) expect((await answer(id, item, "no")).ok).toBe(true);
    const acuity = await screeningStep({ user: users.pedagogue, context, screeningId: id });
    expect(acuity.kind === "question" && acuity.question.item.code).toBe("asq5");
    expect(await answer(id, "asq5", "declined")).toEqual({ ok: true, completed: true });

    const done = await database.prisma.screening.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "completed", result: "acute_positive", findings: [] });
    expect(done.completedAt).not.toBeNull();
    expect(done.assessmentDueAt).not.toBeNull();
    expect(await database.prisma.screeningAlert.count({ where: { screeningId: id } })).toBeGreaterThan(0);

    const view = await readScreening({ user: users.pedagogue, context, screeningId: id });
    expect(view.access).toBe("content");
    expect(view.content?.result).toBe("acute_positive");
    expect(view.content?.answers.map((a) => [a.code, a.answer])).toEqual([
      ["asq1", "yes"],
      ["asq2", "no"],
      ["asq3", "no"],
      ["asq4", "no"],
      ["asq5", "declined"],
    ]);
    expect(view.childName).toBe("Асаналиев Нурбек Бакытович");

    const chronology = await personChronology({ user: users.psychologist, personId: CHILD });
    expect(chronology.some((entry) => entry.kind === "screening.on_file" && entry.recordId === id)).toBe(true);
    const actions = (
      await database.prisma.auditEvent.findMany({
        where: { recordType: "screening", recordId: id },
        orderBy: { seq: "asc" },
        select: { action: true, fields: true, purpose: true, decision: true },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["screening.start", "screening.answer", "screening.complete", "screening.read"]));
    const read = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "screening.read", recordId: id, actorUserId: users.pedagogue.id, purpose: "result" },
      orderBy: { seq: "desc" },
    });
    expect(read.fields).toEqual(expect.arrayContaining(["result", "findings", "answers"]));
  });

  test("non-acute session with vulnerability findings; other worry in its own encrypted column; ciphertext in raw SQL", async () => {
    const id = await start();
    for (const item of ["asq1", "asq2", "asq3"]) await answer(id, item, "no");
    await answer(id, "asq4", "yes");
    await answer(id, "asq5", "no");
    const answers: Record<string, AnswerInput["answer"]> = {
      bullying_or_racket: "yes",
      violence_at_home: "declined",
      neglect: "no",
      sexual_abuse: "no",
      parents_abroad: "yes",
      substance_use: "no",
    };
    for (const [item, value] of Object.entries(answers)) expect((await answer(id, item, value)).ok).toBe(true);
    expect(await answer(id, "other_worry", "text", { otherWorry: "Боюсь идти домой после школы" })).toEqual({ ok: true, completed: true });

    const done = await database.prisma.screening.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({
      status: "completed",
      result: "non_acute_positive",
      findings: ["racket", "parents_abroad", "other_worry"],
      otherWorry: "Боюсь идти домой после школы",
    });
    const [raw] = await database.withConnection((connection) =>
      connection.query<{ answers: string; other_worry: string; findings: string[] }>(`select answers, other_worry, findings from screening where id = $1`, [
        id,
      ]),
    );
    expect(raw.answers.startsWith("kmk1.")).toBe(true);
    expect(raw.other_worry.startsWith("kmk1.")).toBe(true);
    expect(JSON.stringify(raw)).not.toMatch(/asq1|Боюсь|declined/);
  });

  test("inspector and supervisor see status only (answers never selected); teacher, other districts, admin roles get 404", async () => {
    const id = await start();
    await answer(id, "asq1", "yes");
    for (const item of ["asq2", "asq3", "asq4"]) await answer(id, item, "no");
    // In progress: not yet "on file" for status viewers.
    expect(await statusOf(() => readScreening({ user: users.inspector, context, screeningId: id }))).toBe(404);
    await answer(id, "asq5", "yes");

    for (const name of ["inspector", "supervisor", "socialworker"]) {
      const view = await readScreening({ user: users[name], context, screeningId: id });
      expect(view).toMatchObject({ access: "status", status: "completed", content: null });
      expect(view.followUp).toBe("due");
      const event = await database.prisma.auditEvent.findFirstOrThrow({
        where: { action: "screening.read", recordId: id, actorUserId: users[name].id },
        orderBy: { seq: "desc" },
      });
      expect(event.fields).not.toContain("answers");
      expect(event.fields).not.toContain("result");
    }
    // The inspector cannot read the child's record (owned by the school): no name either.
    expect((await readScreening({ user: users.inspector, context, screeningId: id })).childName).toBeNull();

    for (const name of ["teacher-41", "officer", "analyst", "admin", "auditor", "pedagogue-osh", "inspector-osh"]) {
      expect(await statusOf(() => readScreening({ user: users[name], context, screeningId: id }))).toBe(404);
    }
    const denied = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "record.read_denied", recordId: id, actorUserId: users["teacher-41"].id },
    });
    expect(denied.decision).toBe("denied");

    // The person page: the pedagogue may start and sees results; the inspector sees nothing to start.
    const pedagogueLinks = await screeningLinksFor({ user: users.pedagogue, personId: CHILD });
    expect(pedagogueLinks.startHref).toBe(`/screenings/new?personId=${CHILD}`);
    expect(pedagogueLinks.screenings.find((s) => s.id === id)).toMatchObject({ access: "content", result: "acute_positive" });
    const inspectorLinks = await screeningLinksFor({ user: users.inspector, personId: CHILD });
    expect(inspectorLinks.startHref).toBeNull();
    expect(inspectorLinks.screenings.find((s) => s.id === id)).toMatchObject({ access: "status", result: null });
    const teacherLinks = await screeningLinksFor({ user: users["teacher-41"], personId: CHILD });
    expect(teacherLinks).toEqual({ startHref: null, screenings: [] });

    // Chronology: "screening on file" for the supervisor, hidden from the teacher-like colleague.
    expect((await personChronology({ user: users.supervisor, personId: CHILD })).some((e) => e.recordId === id)).toBe(true);
    expect((await personChronology({ user: users["teacher-41"], personId: CHILD })).some((e) => e.recordType === "screening")).toBe(false);
  });

  test("bad input: answering twice, skipping ahead, tampered version, wrong answer type, after completion — refused, nothing stored", async () => {
    const id = await start();
    expect((await answer(id, "asq1", "no")).ok).toBe(true);
    const before = await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { id: true, answers: true, version: true } });

    expect(await answer(id, "asq1", "yes")).toEqual(refusedAnswer("screening.error.alreadyAnswered", 409));
    expect(await answer(id, "asq3", "no")).toEqual(refusedAnswer("screening.error.notCurrent", 409));
    expect(await answer(id, "asq2", "no", { instrumentVersionId: stableId("instrument", "asq:v2") })).toEqual(refusedAnswer("screening.error.version", 400));
    expect(await answer(id, "asq2", "no", { instrumentVersionId: VULNERABILITY })).toEqual(refusedAnswer("screening.error.version", 400));
    expect(await answer(id, "asq2", "text", { otherWorry: "x" })).toEqual(refusedAnswer("screening.error.answer", 400));
    expect(await answer(id, "nonsense", "yes")).toEqual(refusedAnswer("screening.error.notCurrent", 409));
    const after = await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { id: true, answers: true, version: true, status: true } });
    expect(after).toMatchObject({ answers: before.answers, version: before.version, status: "in_progress" });
    const refused = await database.prisma.auditEvent.findMany({
      where: { action: "screening.answer", recordId: id, decision: "failed" },
      select: { purpose: true },
    });
    expect(refused.map((e) => e.purpose)).toEqual(
      expect.arrayContaining(["refused:answered-twice", "refused:not-current", "refused:version", "refused:answer"]),
    );

    // Someone else cannot answer: audited 404.
    expect(await statusOf(() => answer(id, "asq2", "no", {}, users.psychologist))).toBe(404);

    for (const item of ["asq2", "asq3", "asq4"]) await answer(id, item, "no");
    expect((await database.prisma.screening.findUniqueOrThrow({ where: { id } })).result).toBe(null);
    for (const item of ["bullying_or_racket", "violence_at_home", "neglect", "sexual_abuse", "parents_abroad", "substance_use"]) await answer(id, item, "no");
    expect(await answer(id, "other_worry", "none")).toEqual({ ok: true, completed: true });
    expect((await database.prisma.screening.findUniqueOrThrow({ where: { id } })).result).toBe("negative");
    expect(await answer(id, "other_worry", "none")).toEqual(refusedAnswer("screening.error.finished", 409));
    expect(await screeningStep({ user: users.pedagogue, context, screeningId: id })).toEqual({ kind: "finished", screeningId: id });
  });

  test("an expired session: the step page says so without changing anything; the next answer is refused and stops it; a «yes» so far alerts the school psychologist", async () => {
    const HOUR = 60 * 60 * 1000;
    const id = await start();
    expect((await answer(id, "asq1", "yes")).ok).toBe(true);
    const started = (await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { id: true, startedAt: true } })).startedAt;
    const later = new Date(started.getTime() + (SCREENING_SESSION_HOURS + 1) * HOUR);

    // Within the session nothing is expired; past it, the step only tells (a GET changes nothing).
    const within = await screeningStep({ user: users.pedagogue, context, screeningId: id, now: new Date(started.getTime() + HOUR) });
    expect(within.kind).toBe("question");
    expect(await screeningStep({ user: users.pedagogue, context, screeningId: id, now: later })).toEqual({ kind: "expired", screeningId: id, personId: CHILD });
    const before = await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, answers: true, version: true } });
    expect(before.status).toBe("in_progress");

    const refused = await answerQuestion({
      user: users.pedagogue,
      context,
      screeningId: id,
      input: { instrumentVersionId: ASQ, item: "asq2", answer: "no" },
      now: later,
    });
    expect(refused).toEqual(refusedAnswer("screening.error.expired", 409));
    const after = await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, answers: true, result: true } });
    expect(after).toMatchObject({ status: "abandoned", answers: before.answers, result: null });
    const alerts = await database.prisma.screeningAlert.findMany({ where: { screeningId: id }, select: { recipientUserId: true, kind: true } });
    expect(alerts.sort((a, b) => a.recipientUserId.localeCompare(b.recipientUserId))).toEqual(
      [users.psychologist.id, users.pedagogue.id].sort().map((recipientUserId) => ({ recipientUserId, kind: "incomplete_positive" })),
    );
    const audited = await database.prisma.auditEvent.findMany({
      where: { recordId: id, action: { in: ["screening.abandon", "screening.answer"] }, purpose: { startsWith: "expired" } },
      select: { action: true, purpose: true },
    });
    expect(audited).toEqual([{ action: "screening.abandon", purpose: "expired:positive-answer" }]);

    // The psychologist opens it from the alert: "stopped", the answer so far, no result.
    const view = await readScreening({ user: users.psychologist, context, screeningId: id });
    expect(view).toMatchObject({ access: "content", status: "abandoned" });
    expect(view.content?.result).toBeNull();
    expect(view.content?.answers.map((a) => [a.code, a.answer])).toEqual([["asq1", "yes"]]);
    // Still refused, and once stopped it stays stopped (a second refusal alerts nobody again).
    expect(
      await answerQuestion({ user: users.pedagogue, context, screeningId: id, input: { instrumentVersionId: ASQ, item: "asq2", answer: "no" }, now: later }),
    ).toEqual(refusedAnswer("screening.error.finished", 409));
    expect(await database.prisma.screeningAlert.count({ where: { screeningId: id } })).toBe(2);

    // Starting a new screening of the child stops the screener's other expired session at once.
    const stale = await start();
    await answer(stale, "asq1", "declined");
    const staleStart = (await database.prisma.screening.findUniqueOrThrow({ where: { id: stale }, select: { id: true, startedAt: true } })).startedAt;
    const fresh = await startScreening({
      user: users.pedagogue,
      context,
      now: new Date(staleStart.getTime() + (SCREENING_SESSION_HOURS + 1) * HOUR),
      input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" },
    });
    expect(fresh.ok).toBe(true);
    expect((await database.prisma.screening.findUniqueOrThrow({ where: { id: stale }, select: { id: true, status: true } })).status).toBe("abandoned");
    expect(await database.prisma.screeningAlert.count({ where: { screeningId: stale, kind: "incomplete_positive" } })).toBe(2);
  });

  test("the sweep stops sessions left unfinished past the limit, alerts only when a risk answer was «yes», and leaves fresh ones alone", async () => {
    const HOUR = 60 * 60 * 1000;
    const negativeSoFar = await start();
    await answer(negativeSoFar, "asq1", "no");
    const declined = await start();
    await answer(declined, "asq1", "declined");
    const fresh = await start();
    const startedAt = (await database.prisma.screening.findUniqueOrThrow({ where: { id: fresh }, select: { id: true, startedAt: true } })).startedAt;
    await database.prisma.screening.updateMany({
      where: { id: { in: [negativeSoFar, declined] } },
      data: { startedAt: new Date(startedAt.getTime() - (SCREENING_SESSION_HOURS + 2) * HOUR) },
    });

    // Other tests' sessions may be stopped too; these three are what this test checks.
    expect(await stopExpiredSessions({ now: startedAt, batchSize: 1 })).toBeGreaterThanOrEqual(2);
    const rows = await database.prisma.screening.findMany({ where: { id: { in: [negativeSoFar, declined, fresh] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [negativeSoFar]: "abandoned",
      [declined]: "abandoned",
      [fresh]: "in_progress",
    });
    expect(await database.prisma.screeningAlert.count({ where: { screeningId: negativeSoFar } })).toBe(0);
    expect(await database.prisma.screeningAlert.findMany({ where: { screeningId: declined }, select: { kind: true } })).toEqual([
      { kind: "incomplete_positive" },
      { kind: "incomplete_positive" },
    ]);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: declined, action: "screening.abandon" },
      select: { actorUserId: true, purpose: true },
    });
    expect(audit).toEqual({ actorUserId: null, purpose: "scheduler:expired:positive-answer" });
    // A second run finds nothing of these.
    await stopExpiredSessions({ now: startedAt });
    expect(await database.prisma.screeningAlert.count({ where: { screeningId: declined } })).toBe(2);
  });

  test("assigned clinician: the school psychologist assigns a health-facility specialist, who then sees the content", async () => {
    const id = await start();
    for (const item of ["asq1", "asq2", "asq3", "asq4"]) await answer(id, item, "no");
    for (const item of ["bullying_or_racket", "violence_at_home", "neglect", "sexual_abuse", "parents_abroad", "substance_use"]) await answer(id, item, "no");
    await answer(id, "other_worry", "none");
    expect(await statusOf(() => readScreening({ user: users.nurse, context, screeningId: id }))).toBe(404);
    const choices = await clinicianChoices({ user: users.psychologist, context, screeningId: id });
    expect(choices.map((c) => c.id)).toContain(users.nurse.id);
    expect(choices.map((c) => c.id)).not.toContain(users.inspector.id);
    expect(await assignClinician({ user: users.psychologist, context, screeningId: id, userId: users.inspector.id })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "screening.error.clinician",
    });
    expect(await statusOf(() => assignClinician({ user: users.pedagogue, context, screeningId: id, userId: users.nurse.id }))).toBe(404);
    expect(await assignClinician({ user: users.psychologist, context, screeningId: id, userId: users.nurse.id })).toEqual({ ok: true });
    const view = await readScreening({ user: users.nurse, context, screeningId: id });
    expect(view.access).toBe("content");
    expect(view.content?.result).toBe("negative");
    expect(await database.prisma.auditEvent.count({ where: { action: "screening.assign_clinician", recordId: id } })).toBe(1);
  });

  test("only a pedagogue or psychologist who may read the child starts; assent is part of the schema", async () => {
    for (const name of ["inspector", "supervisor", "teacher-41", "pedagogue-osh", "admin"]) {
      expect(
        await statusOf(() => startScreening({ user: users[name], context, input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" } })),
      ).toBe(404);
    }
    expect((await startScreening({ user: users.psychologist, context, input: { personId: CHILD, assent: "yes", guardian: "not_informed_danger" } })).ok).toBe(
      true,
    );
  });

  test("a child younger than the ASQ's validated ages: the consent page says so, and nothing can be started", async () => {
    const young = stableId("person", "test-young-pupil");
    await database.prisma.person.create({
      data: {
        id: young,
        surname: "Тестова",
        givenName: "Айдана",
        birthDate: "2019-04-02",
        birthYear: 2019,
        ownerAgencyId: SCHOOL,
        territoryId: users.pedagogue.agency.territoryId,
        createdById: users.pedagogue.id,
      },
    });
    const now = new Date("2026-11-25T06:00:00Z");
    expect((await newScreeningContext({ user: users.pedagogue, context, personId: young, now })).ageBlock).toEqual({ age: 7, min: 10, max: 24 });
    expect((await newScreeningContext({ user: users.pedagogue, context, personId: CHILD, now })).ageBlock).toBeNull();
    const before = await database.prisma.screening.count();
    expect(await startScreening({ user: users.pedagogue, context, now, input: { personId: young, assent: "yes", guardian: "will_be_informed" } })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "screening.error.age",
    });
    expect(await database.prisma.screening.count()).toBe(before);
  });

  test("under the rule «assent and guardian's prior consent», «will be informed» is refused and nothing is stored; «consented» is recorded", async () => {
    const input = { personId: CHILD, assent: "yes" as const };
    const before = await database.prisma.screening.count();
    expect(
      await startScreening({ user: users.pedagogue, context, input: { ...input, guardian: "will_be_informed" }, rule: "assent_and_guardian_consent" }),
    ).toEqual({ ok: false, fieldErrors: {}, formError: "screening.error.guardian" });
    expect(await database.prisma.screening.count()).toBe(before);
    const started = await startScreening({ user: users.pedagogue, context, input: { ...input, guardian: "consented" }, rule: "assent_and_guardian_consent" });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect((await database.prisma.screening.findUniqueOrThrow({ where: { id: started.id }, select: { id: true, consent: true } })).consent).toBe(
      "assent;guardian:consented",
    );
    // The default rule does not offer «consented».
    expect(await startScreening({ user: users.pedagogue, context, input: { ...input, guardian: "consented" } })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "screening.error.guardian",
    });
  });
});
