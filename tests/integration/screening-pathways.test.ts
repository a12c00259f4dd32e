import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { personChronology } from "~/modules/chronology/chronology-view.server";
import {
  auditScreeningTasksShown,
  listAlerts,
  markAlertRead,
  screeningTaskCount,
  screeningTasksFor,
  unreadAlertCount,
} from "~/modules/screenings/alerts.server";
import { dismissAction, proposalGrounds, recordAssessment, recordChecklist, takeAction } from "~/modules/screenings/pathway-commands.server";
import { pathwayStateFor } from "~/modules/screenings/pathway-state.server";
import type { AssessmentFormInput } from "~/modules/screenings/pathways.schema";
import type { AnswerInput } from "~/modules/screenings/screenings.schema";
import { answerQuestion } from "~/modules/screenings/screening-session.server";
import { startScreening } from "~/modules/screenings/screening-start.server";
import { readScreening } from "~/modules/screenings/screening-views.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { RecordingNotifier, setExternalNotifier } from "~/server/notify/notifier.server";
import { instrumentVersionId, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "pathways-test").toString("base64");

const context = { requestId: "test-request", ip: "127.0.0.1" };
// Owned by the pedagogue's school, Secondary School No. 41 (seeds/data/people.ts).
const CHILD = stableId("person", "asanaliev-nurbek");
const ASQ = instrumentVersionId("asq", 1);
const VULNERABILITY = instrumentVersionId("vulnerability", 1);
const CSSRS = instrumentVersionId("cssrs-screener", 1);
const HOUR = 3_600_000;
const T0 = new Date("2026-11-25T06:00:00.000Z");

type User = Awaited<ReturnType<typeof asUser>>;

describe.each<Engine>(["postgres", "pglite"])("screening pathways on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};
  const notifier = new RecordingNotifier();

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    for (const name of ["pedagogue", "psychologist", "inspector", "socialworker", "supervisor", "analyst", "admin", "officer", "supervisor-osh"])
      users[name] = await asUser(name);
    setExternalNotifier(notifier);
  });

  afterAll(async () => {
    setExternalNotifier(undefined);
    if (engine === "pglite") await closeDatabase();
  });

  const answer = (screeningId: string, item: string, value: AnswerInput["answer"], now: Date) =>
    answerQuestion({
      user: users.pedagogue,
      context,
      screeningId,
      now,
      input: { instrumentVersionId: item.startsWith("asq") ? ASQ : VULNERABILITY, item, answer: value },
    });

  /** A screening recorded through the real session: acute (ASQ 1 yes, acuity yes), or negative with vulnerability answers. */
  async function screen(kind: "acute" | "vulnerable", now = T0): Promise<string> {
    const started = await startScreening({ user: users.pedagogue, context, now, input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" } });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const id = started.id;
    if (kind === "acute") {
      await answer(id, "asq1", "yes", now);
      for (const item of ["asq2", "asq3", "asq4"]) await answer(id, item, "no", now);
      expect(await answer(id, "asq5", "yes", now)).toEqual({ ok: true, completed: true });
    } else {
      for (const item of ["asq1", "asq2", "asq3", "asq4"]) await answer(id, item, "no", now);
      const answers: Record<string, AnswerInput["answer"]> = {
        bullying_or_racket: "yes",
        violence_at_home: "yes",
        neglect: "no",
        sexual_abuse: "no",
        parents_abroad: "no",
        substance_use: "no",
      };
      for (const [item, value] of Object.entries(answers)) expect((await answer(id, item, value, now)).ok).toBe(true);
      expect(await answer(id, "other_worry", "none", now)).toEqual({ ok: true, completed: true });
    }
    return id;
  }
  const version = async (id: string) => (await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  test("acute positive: alerts to the school psychologist and the district supervisor, e-mail/SMS hook recorded (pointer only), 24 h deadline, re-screen in 30 days", async () => {
    notifier.clear();
    const id = await screen("acute");
    const row = await database.prisma.screening.findUniqueOrThrow({ where: { id } });
    expect(row.result).toBe("acute_positive");
    expect(row.completedAt).toEqual(T0);
    expect(row.assessmentDueAt).toEqual(new Date(T0.getTime() + 24 * HOUR));
    expect(row.rescreenDueAt).toEqual(new Date(T0.getTime() + 30 * 24 * HOUR));

    const alerts = await database.prisma.screeningAlert.findMany({ where: { screeningId: id }, orderBy: { recipientUserId: "asc" } });
    expect(alerts.map((a) => [a.recipientUserId, a.kind]).sort()).toEqual(
      [
        [users.psychologist.id, "acute"],
        [users.supervisor.id, "acute"],
      ].sort(),
    );
    // Osh's supervisor (another district) gets nothing.
    expect(alerts.some((a) => a.recipientUserId === users["supervisor-osh"].id)).toBe(false);

    const sent = notifier.sent.filter((n) => n.link === `/screenings/${id}`);
    expect(sent.map((n) => n.to).sort()).toEqual([users.psychologist.id, users.supervisor.id].sort());
    for (const notification of sent) expect(Object.keys(notification).sort()).toEqual(["kind", "link", "to"]);
    expect(sent.every((n) => n.kind === "acute")).toBe(true);

    expect(await unreadAlertCount(users.psychologist.id)).toBeGreaterThan(0);
    const started = await database.prisma.auditEvent.findFirst({ where: { action: "screening.pathway_start", recordId: id } });
    expect(started?.fields).toEqual(["assessmentDueAt", "rescreenDueAt", "alerts", "actions"]);

    // Someone can record the assessment (the school's psychologist); without one, the screener is told so.
    expect((await pathwayStateFor({ user: users.pedagogue, screeningId: id, now: T0 })).noAssessor).toBe(false);
    await database.prisma.user.update({ where: { id: users.psychologist.id }, data: { status: "disabled" } });
    try {
      expect((await pathwayStateFor({ user: users.pedagogue, screeningId: id, now: T0 })).noAssessor).toBe(true);
      expect((await pathwayStateFor({ user: users.supervisor, screeningId: id, now: T0 })).noAssessor).toBe(false);
    } finally {
      await database.prisma.user.update({ where: { id: users.psychologist.id }, data: { status: "active" } });
    }
  });

  test("overdue after the clock passes the deadline: the supervisor's view and the psychologist's tasks", async () => {
    const id = await screen("acute");
    const due = new Date(T0.getTime() + 24 * HOUR);
    const before = await listAlerts({ user: users.supervisor, context, now: new Date(due.getTime() - HOUR) });
    expect(before.overdue?.map((o) => o.screeningId)).not.toContain(id);
    const after = await listAlerts({ user: users.supervisor, context, now: new Date(due.getTime() + 60_000) });
    expect(after.overdue?.map((o) => o.screeningId)).toContain(id);
    expect(after.alerts.find((a) => a.screeningId === id)?.overdue).toBe(true);
    // The supervisor (status) gets the alert's state, never the deadline's time; the psychologist (content) gets the time.
    expect(after.alerts.find((a) => a.screeningId === id)).toMatchObject({ assessmentDueAt: null, assessmentDoneAt: null });
    const psychologists = await listAlerts({ user: users.psychologist, context, now: due });
    expect(psychologists.alerts.find((a) => a.screeningId === id)?.assessmentDueAt).toBe(due.toISOString());
    // Only supervisors get the district view; the screener's own view has none.
    expect((await listAlerts({ user: users.pedagogue, context, now: due })).overdue).toBeNull();

    const tasks = await screeningTasksFor(users.psychologist, new Date(due.getTime() + 60_000));
    const task = tasks.find((t) => t.screeningId === id && t.kind === "screening_assessment");
    expect(task).toMatchObject({ overdue: true, href: `/screenings/${id}/assessment`, childName: "Асаналиев Нурбек Бакытович" });
    const screenerTasks = await screeningTasksFor(users.pedagogue, T0);
    expect(screenerTasks.find((t) => t.screeningId === id)?.kind).toBe("screening_checklist");
    const supervisorTasks = await screeningTasksFor(users.supervisor, new Date(due.getTime() + 60_000));
    expect(supervisorTasks.find((t) => t.screeningId === id)).toMatchObject({ kind: "screening_overdue", childName: null });
    expect(await screeningTasksFor(users.admin, due)).toEqual([]);
    // The menu badge counts the same tasks (without decrypting names); roles without screening work skip the queries.
    const later = new Date(due.getTime() + 60_000);
    expect(await screeningTaskCount(users.psychologist, later)).toBe(tasks.length);
    expect(await screeningTaskCount(users.supervisor, later)).toBe(supervisorTasks.length);
    expect(await screeningTaskCount(users.inspector, later)).toBe(0);
    expect((await screeningTasksFor(users.psychologist, later, { names: false })).find((t) => t.screeningId === id)?.childName).toBeNull();
    // Showing the inbox (child names next to screening deadlines) is audited per screening; the supervisor's rows carry no names.
    await auditScreeningTasksShown(users.psychologist, context, tasks);
    await auditScreeningTasksShown(users.supervisor, context, supervisorTasks);
    const shown = await database.prisma.auditEvent.findMany({
      where: { action: "screening.tasks_listed", recordId: id },
      select: { actorUserId: true, fields: true, purpose: true },
    });
    expect(shown).toEqual([{ actorUserId: users.psychologist.id, fields: ["childName", "deadline"], purpose: "task-inbox" }]);
    // The supervisor's own view of the screening: status only — not even whether there is an acute checklist.
    const supervisorState = await pathwayStateFor({ user: users.supervisor, screeningId: id, now: new Date(due.getTime() + 60_000) });
    expect(supervisorState).toMatchObject({ access: "status", result: null, checklist: null, actions: [], assessment: { overdue: true, doneAt: null } });
  });

  test("checklist: timed ticks, completion, chronology; encrypted at rest; only screener or school psychologist", async () => {
    const id = await screen("acute");
    const none = { notAlone: false, dangerousItemsRemoved: false, psychologistCalled: false, guardian: null, guardianReason: null, emergency: null };
    expect(await statusOf(() => recordChecklist({ user: users.inspector, context, screeningId: id, input: { ...none, version: 0 } }))).toBe(404);
    const t1 = new Date(T0.getTime() + 5 * 60_000);
    expect(
      await recordChecklist({
        user: users.pedagogue,
        context,
        screeningId: id,
        now: t1,
        input: { ...none, version: await version(id), notAlone: true, dangerousItemsRemoved: true },
      }),
    ).toEqual({ ok: true, id });
    let state = await pathwayStateFor({ user: users.pedagogue, screeningId: id });
    expect(state.checklist).toMatchObject({ completedAt: null, items: { notAlone: { at: t1.toISOString() } } });
    // A stale version changes nothing.
    expect(await recordChecklist({ user: users.pedagogue, context, screeningId: id, input: { ...none, version: 0, psychologistCalled: true } })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "pathway.error.conflict",
      conflict: { version: await version(id), changes: [] },
    });
    const t2 = new Date(T0.getTime() + 9 * 60_000);
    const complete = await recordChecklist({
      user: users.psychologist,
      context,
      screeningId: id,
      now: t2,
      input: {
        ...none,
        version: await version(id),
        psychologistCalled: true,
        guardian: "guardian_is_danger",
        guardianReason: "Отчим угрожал ребёнку дома",
        emergency: "not_needed",
      },
    });
    expect(complete.ok).toBe(true);
    state = await pathwayStateFor({ user: users.pedagogue, screeningId: id });
    expect(state.checklist?.completedAt).toBe(t2.toISOString());
    expect(state.checklist?.items?.notAlone?.at).toBe(t1.toISOString());
    expect(state.checklist?.items?.guardian).toEqual({ status: "guardian_is_danger", reason: "Отчим угрожал ребёнку дома", at: t2.toISOString() });
    expect(await recordChecklist({ user: users.pedagogue, context, screeningId: id, input: { ...none, version: await version(id) } })).toEqual({
      ok: false,
      fieldErrors: { checklist: "pathway.error.checklistClosed" },
    });

    const [raw] = await database.withConnection((c) => c.query<{ safety_checklist: string }>(`select safety_checklist from screening where id = $1`, [id]));
    expect(raw.safety_checklist.startsWith("kmk1.")).toBe(true);
    expect(raw.safety_checklist).not.toContain("Отчим");
    const kinds = (await database.prisma.chronologyEvent.findMany({ where: { recordId: id }, select: { kind: true } })).map((e) => e.kind);
    expect(kinds).toContain("screening.checklist_completed");
  });

  test("safety assessment: school psychologist records answers, triage and plan; assessmentDoneAt; encrypted; audited; screener and inspector cannot", async () => {
    const id = await screen("acute");
    // Before: the open deadlines are in the chronology at their due dates, for content viewers
    // only (a due time would tell status viewers the result).
    const dueKinds = async (user: User, now: Date) =>
      (await personChronology({ user, personId: CHILD, now })).filter((e) => e.recordId === id && e.due).map((e) => [e.kind, e.occurredAt]);
    const dueAt = new Date(T0.getTime() + 24 * HOUR).toISOString();
    const rescreenAt = (
      await database.prisma.screening.findUniqueOrThrow({ where: { id }, select: { id: true, rescreenDueAt: true } })
    ).rescreenDueAt!.toISOString();
    expect(await dueKinds(users.psychologist, T0)).toEqual([
      ["screening.rescreen_due", rescreenAt],
      ["screening.follow_up_due", dueAt],
    ]);
    expect(await dueKinds(users.psychologist, new Date(T0.getTime() + 25 * HOUR))).toEqual([
      ["screening.rescreen_due", rescreenAt],
      ["screening.follow_up_overdue", dueAt],
    ]);
    expect(await dueKinds(users.supervisor, T0)).toEqual([]);
    expect(await dueKinds(users.officer, T0)).toEqual([]);
    const input = {
      instrumentVersionId: CSSRS,
      plan: "Встреча с мамой завтра, психолог ежедневно",
      item_wish_dead: "yes",
      item_suicidal_thoughts: "yes",
      item_method: "yes",
      item_intent: "no",
      item_plan: "no",
      item_behaviour: "no",
    } as unknown as AssessmentFormInput;
    expect(await statusOf(() => recordAssessment({ user: users.inspector, context, screeningId: id, input }))).toBe(404);
    expect(await statusOf(() => recordAssessment({ user: users.pedagogue, context, screeningId: id, input }))).toBe(404);
    expect(
      await recordAssessment({ user: users.psychologist, context, screeningId: id, input: { ...input, instrumentVersionId: ASQ } as AssessmentFormInput }),
    ).toEqual({ ok: false, fieldErrors: { instrumentVersionId: "pathway.error.instrument" } });
    expect(
      await recordAssessment({
        user: users.psychologist,
        context,
        screeningId: id,
        input: { instrumentVersionId: CSSRS, plan: null, item_wish_dead: "no" } as unknown as AssessmentFormInput,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { item_suicidal_thoughts: "pathway.error.answer" } });
    const at = new Date(T0.getTime() + 3 * HOUR);
    const recorded = await recordAssessment({ user: users.psychologist, context, screeningId: id, input, now: at });
    expect(recorded).toMatchObject({ ok: true, triage: "moderate" });
    const row = await database.prisma.screening.findUniqueOrThrow({ where: { id } });
    expect(row.assessmentDoneAt).toEqual(at);
    const assessment = await database.prisma.safetyAssessment.findFirstOrThrow({ where: { screeningId: id } });
    expect(assessment).toMatchObject({ triage: "moderate", plan: input.plan, instrumentVersionId: CSSRS, assessorUserId: users.psychologist.id });
    expect(JSON.parse(assessment.answers)).toEqual({ wish_dead: "yes", suicidal_thoughts: "yes", method: "yes", intent: "no", plan: "no", behaviour: "no" });
    const [raw] = await database.withConnection((c) =>
      c.query<{ answers: string; plan: string }>(`select answers, plan from safety_assessment where screening_id = $1`, [id]),
    );
    expect(raw.answers.startsWith("kmk1.")).toBe(true);
    expect(raw.plan.startsWith("kmk1.")).toBe(true);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "screening.assessment", recordId: id } });
    expect(audit.fields).toEqual(["answers", "triage", "plan", "assessmentDoneAt"]);
    // Not overdue any more, wherever the clock is.
    const later = await listAlerts({ user: users.supervisor, context, now: new Date(T0.getTime() + 100 * HOUR) });
    expect(later.overdue?.map((o) => o.screeningId)).not.toContain(id);

    // Chronology: the psychologist sees what happened; the district supervisor (status only) sees "screening on file".
    const mine = await personChronology({ user: users.psychologist, personId: CHILD });
    expect(mine.filter((e) => e.recordId === id).map((e) => e.kind)).toContain("screening.assessment_recorded");
    const theirs = await personChronology({ user: users.supervisor, personId: CHILD });
    const statusOnly = theirs.filter((e) => e.recordId === id);
    // One row, whatever happened since (checklist, assessment): the steps are content.
    expect(statusOnly.map((e) => e.kind)).toEqual(["screening.on_file"]);
    // The pathway as they see it: follow-up done, no times, no re-screening date.
    const theirState = await pathwayStateFor({ user: users.supervisor, screeningId: id, now: at });
    expect(theirState.assessment).toEqual({ dueAt: null, doneAt: null, done: true, overdue: false, mayRecord: false });
    expect(theirState.rescreenDueAt).toBeNull();
    // Done: the follow-up deadline is gone; the re-screening stays for the psychologist.
    expect(await dueKinds(users.psychologist, at)).toEqual([["screening.rescreen_due", rescreenAt]]);
  });

  test("vulnerability findings: suggested actions; racket cannot be dismissed without a reason; referral to the inspector alerts them, who sees status only", async () => {
    notifier.clear();
    const id = await screen("vulnerable");
    const row = await database.prisma.screening.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ result: "negative", findings: ["racket", "violence_home"], assessmentDueAt: null, rescreenDueAt: null });
    const actions = await database.prisma.screeningAction.findMany({ where: { screeningId: id }, orderBy: [{ kind: "asc" }, { finding: "asc" }] });
    expect(actions.map((a) => [a.kind, a.finding])).toEqual([
      ["propose_plan", "racket,violence_home"],
      ["refer_inspector", "racket"],
      ["refer_inspector", "violence_home"],
      ["refer_psychologist", "racket"],
      ["refer_social_worker", "violence_home"],
    ]);
    const racketToInspector = actions.find((a) => a.kind === "refer_inspector" && a.finding === "racket")!;

    // Dismissal: no reason, a short reason → refused (and the refusal is audited); nothing stored.
    for (const reason of [null, "нет"]) {
      expect(
        await dismissAction({ user: users.pedagogue, context, screeningId: id, input: { intent: "dismiss", actionId: racketToInspector.id, reason } }),
      ).toEqual({ ok: false, fieldErrors: { reason: "pathway.error.reasonRequired" } });
    }
    expect((await database.prisma.screeningAction.findUniqueOrThrow({ where: { id: racketToInspector.id } })).dismissedAt).toBeNull();
    expect(await database.prisma.auditEvent.count({ where: { action: "screening.action_dismiss", decision: "failed", recordId: id } })).toBe(2);

    // Referral: the target must be an inspector of the district.
    expect(
      await takeAction({
        user: users.pedagogue,
        context,
        screeningId: id,
        input: { intent: "take", actionId: racketToInspector.id, targetUserId: users.socialworker.id },
      }),
    ).toEqual({ ok: false, fieldErrors: { targetUserId: "pathway.error.target" } });
    expect(await statusOf(() => pathwayStateFor({ user: users.officer, screeningId: id }))).toBe(404);
    expect(
      await takeAction({
        user: users.pedagogue,
        context,
        screeningId: id,
        input: { intent: "take", actionId: racketToInspector.id, targetUserId: users.inspector.id },
      }),
    ).toEqual({ ok: true, id: racketToInspector.id });
    expect(
      await takeAction({
        user: users.pedagogue,
        context,
        screeningId: id,
        input: { intent: "take", actionId: racketToInspector.id, targetUserId: users.inspector.id },
      }),
    ).toEqual({ ok: false, fieldErrors: { actionId: "pathway.error.actionClosed" } });
    const alert = await database.prisma.screeningAlert.findFirstOrThrow({ where: { screeningId: id, recipientUserId: users.inspector.id } });
    expect(alert.kind).toBe("referral");
    expect(notifier.sent).toEqual([{ to: users.inspector.id, kind: "referral", link: `/screenings/${id}` }]);

    // The inspector: "a referral from a screening" and the status — never answers, findings or actions.
    const inspectorState = await pathwayStateFor({ user: users.inspector, screeningId: id });
    expect(inspectorState).toMatchObject({ access: "status", result: null, actions: [], mayAct: false, referralsToMe: [{ kind: "refer_inspector" }] });
    const inspectorView = await readScreening({ user: users.inspector, context, screeningId: id });
    expect(inspectorView.access).toBe("status");
    expect(JSON.stringify(inspectorView)).not.toContain("racket");
    const inspectorAlerts = await listAlerts({ user: users.inspector, context });
    expect(inspectorAlerts.alerts.find((a) => a.screeningId === id)).toMatchObject({ kind: "referral", readAt: null });
    expect(JSON.stringify(inspectorAlerts)).not.toContain("racket");

    // Only the recipient marks an alert read.
    expect(await statusOf(() => markAlertRead({ user: users.pedagogue, context, alertId: alert.id }))).toBe(404);
    const unread = await unreadAlertCount(users.inspector.id);
    await markAlertRead({ user: users.inspector, context, alertId: alert.id });
    expect(await unreadAlertCount(users.inspector.id)).toBe(unread - 1);

    // Dismissal with a proper reason is stored encrypted.
    const violence = actions.find((a) => a.kind === "refer_inspector" && a.finding === "violence_home")!;
    expect(
      await dismissAction({
        user: users.pedagogue,
        context,
        screeningId: id,
        input: { intent: "dismiss", actionId: violence.id, reason: "Семья уже на учёте у инспектора, дело открыто" },
      }),
    ).toEqual({ ok: true, id: violence.id });
    const [raw] = await database.withConnection((c) =>
      c.query<{ dismiss_reason: string }>(`select dismiss_reason from screening_action where id = $1`, [violence.id]),
    );
    expect(raw.dismiss_reason.startsWith("kmk1.")).toBe(true);
    expect((await database.prisma.screeningAction.findUniqueOrThrow({ where: { id: violence.id } })).dismissReason).toBe(
      "Семья уже на учёте у инспектора, дело открыто",
    );

    // Proposing a plan: only someone who may start a plan (the psychologist may not — the plan form would be a 404);
    // it continues at /plans/new naming the action, never the findings; the grounds are read there, on the server.
    const propose = actions.find((a) => a.kind === "propose_plan")!;
    expect(
      await takeAction({ user: users.psychologist, context, screeningId: id, input: { intent: "take", actionId: propose.id, targetUserId: null } }),
    ).toEqual({
      ok: false,
      fieldErrors: { actionId: "pathway.error.planNotAllowed" },
    });
    const proposed = await takeAction({ user: users.pedagogue, context, screeningId: id, input: { intent: "take", actionId: propose.id, targetUserId: null } });
    expect(proposed).toEqual({ ok: true, id: propose.id, next: `/plans/new?personId=${CHILD}&fromScreeningAction=${propose.id}` });
    expect(await proposalGrounds({ user: users.pedagogue, context, actionId: propose.id, personId: CHILD })).toEqual([
      "victim_of_racket",
      "victim_of_violence",
      "family_crisis",
    ]);
    expect(await statusOf(() => proposalGrounds({ user: users.pedagogue, context, actionId: propose.id, personId: stableId("person", "someone-else") }))).toBe(
      404,
    );
    expect(
      await statusOf(() => proposalGrounds({ user: users.pedagogue, context, actionId: actions.find((a) => a.kind !== "propose_plan")!.id, personId: CHILD })),
    ).toBe(404);
    expect(await statusOf(() => proposalGrounds({ user: users.pedagogue, context, actionId: stableId("screening-action", "none"), personId: CHILD }))).toBe(
      404,
    );
    expect(await statusOf(() => proposalGrounds({ user: users.inspector, context, actionId: propose.id, personId: CHILD }))).toBe(404);

    // Everyone else: admin and analyst are denied outright.
    for (const name of ["admin", "analyst"]) expect(await statusOf(() => pathwayStateFor({ user: users[name], screeningId: id }))).toBe(404);
  });
});
