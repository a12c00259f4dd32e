import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approveClosure, recordReview, reopenPlan, requestClosure, returnClosure } from "~/modules/support-plans/plan-closure.server";
import { addGoal, updateGoal } from "~/modules/support-plans/plan-goals.server";
import { acceptProposal, activatePlan, editPlan, openPlan } from "~/modules/support-plans/plan-lifecycle.server";
import { addMember, removeMember } from "~/modules/support-plans/plan-team.server";
import { transferPlan } from "~/modules/support-plans/plan-transfer.server";
import { addMonths, todayIso, type GoalInput } from "~/modules/support-plans/support-plans.schema";
import { listCaseload, listPersonPlans, readPlan } from "~/modules/support-plans/support-plans.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { demoAgencyCode, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "plans-test").toString("base64");

const context = { requestId: "test-request", ip: "127.0.0.1" };
// Owned by the inspector's police department in Leninsky district (seeds/data/people.ts).
const CHILD = stableId("person", "khegai-viktoriya");
const SCHOOL = stableId("agency", demoAgencyCode("school", "bishkek-len"));
const POLICE = stableId("agency", demoAgencyCode("police_department", "bishkek-len"));

type User = Awaited<ReturnType<typeof asUser>>;

describe.each<Engine>(["postgres", "pglite"])("support plans on %s", (engine) => {
  let database: Database;
  const users: Record<string, User> = {};

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    for (const name of ["inspector", "officer", "pedagogue", "psychologist", "socialworker", "supervisor", "analyst", "admin", "auditor", "newcomer"]) {
      users[name] = await asUser(name);
    }
  });

  afterAll(async () => {
    if (engine === "pglite") await closeDatabase();
  });

  const open = async (user = users.inspector) => {
    const result = await openPlan({
      user,
      context,
      input: {
        personId: CHILD,
        grounds: ["school_absence", "other"],
        groundsOther: "Сложности с адаптацией",
        parentInvolvement: "Мать приходит на встречи",
        childView: "Хочу вернуться в футбольную секцию",
        reviewIntervalMonths: 3,
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  };
  const version = async (planId: string) => (await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
  const goal = (overrides: Partial<GoalInput> = {}): GoalInput => ({
    version: 0,
    text: "Посещать занятия без пропусков",
    responsibleAgencyId: SCHOOL,
    responsibleUserId: null,
    dueDate: addMonths(todayIso(), 2),
    status: "planned",
    notDoneReason: null,
    ...overrides,
  });

  test("lifecycle: open, team, goal, activate, review, closure rules, approval, reopen — with chronology and audit", async () => {
    const planId = await open();
    let plan = await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({ status: "draft", isProposal: false, leadUserId: users.inspector.id, leadAgencyId: POLICE, version: 1 });

    const member = await addMember({
      user: users.inspector,
      context,
      planId,
      input: { version: 1, userId: users.pedagogue.id, roleInPlan: "социальный педагог: посещаемость" },
    });
    expect(member.ok).toBe(true);
    const added = await addGoal({
      user: users.inspector,
      context,
      planId,
      input: goal({ version: await version(planId), responsibleUserId: users.pedagogue.id }),
    });
    expect(added.ok).toBe(true);
    expect((await activatePlan({ user: users.inspector, context, planId, input: { version: await version(planId) } })).ok).toBe(true);
    plan = await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan.status).toBe("active");
    expect(plan.nextReviewDue?.toISOString().slice(0, 10)).toBe(addMonths(todayIso(), 3));

    // The pedagogue (school, another agency) sees the plan; the officer (the lead's own agency) does not.
    const seen = await readPlan({ user: users.pedagogue, context, planId });
    expect(seen.childName).toBe("Хегай Виктория Сергеевна");
    expect(seen.goals.map((g) => g.text)).toEqual(["Посещать занятия без пропусков"]);
    expect(seen.actions).toContain("record_review");
    expect(seen.actions).not.toContain("request_closure");
    expect(await statusOf(() => readPlan({ user: users.officer, context, planId }))).toBe(404);
    for (const name of ["analyst", "admin", "auditor", "psychologist"]) {
      expect(await statusOf(() => readPlan({ user: users[name], context, planId }))).toBe(404);
    }

    // A member may not ask for closure through a review.
    const memberClosure = await recordReview({
      user: users.pedagogue,
      context,
      planId,
      input: {
        version: await version(planId),
        reviewedOn: todayIso(),
        progressNote: "Пропусков меньше",
        riskRating: "medium",
        decision: "request_closure",
        closureReason: "turned_18",
        closureJustification: null,
        transferTerritoryId: null,
      },
    });
    expect(memberClosure).toEqual({ ok: false, fieldErrors: { decision: "plan.error.closureLeadOnly" } });
    const review = await recordReview({
      user: users.pedagogue,
      context,
      planId,
      input: {
        version: await version(planId),
        reviewedOn: todayIso(),
        progressNote: "Пропусков меньше",
        riskRating: "medium",
        decision: "continue",
        closureReason: undefined,
        closureJustification: null,
        transferTerritoryId: null,
      },
    });
    expect(review.ok).toBe(true);

    // "Rehabilitated" needs every goal assessed; "other" needs a justification (schema); "moved" a district.
    const early = await requestClosure({
      user: users.inspector,
      context,
      planId,
      input: { version: await version(planId), closureReason: "rehabilitated", closureJustification: null, transferTerritoryId: null },
    });
    expect(early).toEqual({ ok: false, fieldErrors: { closureReason: "plan.error.goalsNotAssessed" } });
    const sameDistrict = await requestClosure({
      user: users.inspector,
      context,
      planId,
      input: { version: await version(planId), closureReason: "moved", closureJustification: null, transferTerritoryId: plan.territoryId },
    });
    expect(sameDistrict).toEqual({ ok: false, fieldErrors: { transferTerritoryId: "plan.error.sameTerritory" } });
    const goalRow = await database.prisma.supportPlanGoal.findFirstOrThrow({ where: { planId } });
    expect(
      (
        await updateGoal({
          user: users.pedagogue,
          context,
          planId,
          goalId: goalRow.id,
          input: goal({ version: goalRow.version, status: "done", responsibleUserId: users.pedagogue.id }),
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await requestClosure({
          user: users.inspector,
          context,
          planId,
          input: { version: await version(planId), closureReason: "rehabilitated", closureJustification: null, transferTerritoryId: null },
        })
      ).ok,
    ).toBe(true);

    // Four eyes: the lead cannot decide; the district supervisor approves.
    expect(await statusOf(() => approveClosure({ user: users.inspector, context, planId, input: { version: 99, comment: null } }))).toBe(404);
    expect((await approveClosure({ user: users.supervisor, context, planId, input: { version: await version(planId), comment: "Согласовано" } })).ok).toBe(
      true,
    );
    plan = await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({
      status: "closed",
      closedById: users.supervisor.id,
      closureReason: "rehabilitated",
      closureDecisionComment: "Согласовано",
      nextReviewDue: null,
    });
    expect(await statusOf(() => addGoal({ user: users.inspector, context, planId, input: goal({ version: plan.version }) }))).toBe(404);

    expect((await reopenPlan({ user: users.supervisor, context, planId, input: { version: plan.version } })).ok).toBe(true);
    expect((await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("active");

    const kinds = (await database.prisma.chronologyEvent.findMany({ where: { recordId: planId }, orderBy: { occurredAt: "asc" } })).map((event) => event.kind);
    expect(kinds).toEqual([
      "support_plan.opened",
      "support_plan.member_added",
      "support_plan.goal_added",
      "support_plan.activated",
      "support_plan.review_recorded",
      "support_plan.goal_updated",
      "support_plan.closure_requested",
      "support_plan.closure_approved",
      "support_plan.reopened",
    ]);
    const audited = await database.prisma.auditEvent.findMany({ where: { recordType: "support_plan", recordId: planId }, orderBy: { seq: "asc" } });
    const actions = audited.map((event) => event.action);
    for (const action of [
      "support_plan.open",
      "support_plan.member_add",
      "support_plan.goal_add",
      "support_plan.activate",
      "support_plan.read",
      "support_plan.review",
      "support_plan.goal_update",
      "support_plan.closure_request",
      "support_plan.closure_approve",
      "support_plan.reopen",
      "record.read_denied",
    ]) {
      expect(actions).toContain(action);
    }
    const openEvent = audited.find((event) => event.action === "support_plan.open")!;
    expect(openEvent.fields).toEqual(["grounds", "reviewIntervalMonths", "groundsOther", "parentInvolvement", "childView"]);
    expect(JSON.stringify(audited, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain("футбольную");
  });

  test("closure returned with a comment goes back to active", async () => {
    const planId = await open();
    await activatePlan({ user: users.inspector, context, planId, input: { version: 1 } });
    await requestClosure({
      user: users.inspector,
      context,
      planId,
      input: { version: 2, closureReason: "other", closureJustification: "Семья справляется сама", transferTerritoryId: null },
    });
    const returned = await returnClosure({ user: users.supervisor, context, planId, input: { version: 3, comment: "Нужна ещё одна встреча с семьёй" } });
    expect(returned.ok).toBe(true);
    const plan = await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({ status: "active", closureReason: null, closureDecisionComment: "Нужна ещё одна встреча с семьёй" });
  });

  test("closure as moved stores the district moved to, shows it on the plan and its print; returning clears it", async () => {
    const planId = await open();
    await activatePlan({ user: users.inspector, context, planId, input: { version: 1 } });
    const osh = users.newcomer.agency.territoryId; // another district than the plan's (Leninsky)
    const oshNames = await database.prisma.territory.findUniqueOrThrow({ where: { id: osh }, select: { nameRu: true, nameKy: true, nameEn: true } });
    const stored = async () => (await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } })).closureTransferTerritoryId;

    expect(
      (
        await requestClosure({
          user: users.inspector,
          context,
          planId,
          input: { version: 2, closureReason: "moved", closureJustification: null, transferTerritoryId: osh },
        })
      ).ok,
    ).toBe(true);
    expect(await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      status: "closure_requested",
      closureReason: "moved",
      closureTransferTerritoryId: osh,
    });
    expect((await readPlan({ user: users.inspector, context, planId })).closure?.transferTerritory).toEqual(oshNames);
    expect((await readPlan({ user: users.supervisor, context, planId, purpose: "print" })).closure?.transferTerritory).toEqual(oshNames);
    const requested = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "support_plan.closure_request", recordId: planId } });
    expect(requested.fields).toEqual(["status", "closureReason", "closureTransferTerritoryId"]);
    expect(requested.purpose).toBe(`moved-to:${osh}`);

    // Returned: the request, target included, is cleared.
    expect((await returnClosure({ user: users.supervisor, context, planId, input: { version: 3, comment: "Уточните адрес" } })).ok).toBe(true);
    expect(await stored()).toBeNull();
    expect((await readPlan({ user: users.inspector, context, planId })).closure?.transferTerritory).toBeNull();

    // A review asking for closure as "moved" stores it the same way; approval keeps it.
    const review = await recordReview({
      user: users.inspector,
      context,
      planId,
      input: {
        version: 4,
        reviewedOn: todayIso(),
        progressNote: "Семья переехала",
        riskRating: "low",
        decision: "request_closure",
        closureReason: "moved",
        closureJustification: null,
        transferTerritoryId: osh,
      },
    });
    expect(review.ok).toBe(true);
    expect(await stored()).toBe(osh);
    expect((await approveClosure({ user: users.supervisor, context, planId, input: { version: 5, comment: null } })).ok).toBe(true);
    expect(await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "closed", closureTransferTerritoryId: osh });

    // Reopened: cleared; another reason keeps no district even when one is sent.
    expect((await reopenPlan({ user: users.supervisor, context, planId, input: { version: 6 } })).ok).toBe(true);
    expect(await stored()).toBeNull();
    expect(
      (
        await requestClosure({
          user: users.inspector,
          context,
          planId,
          input: { version: 7, closureReason: "turned_18", closureJustification: null, transferTerritoryId: osh },
        })
      ).ok,
    ).toBe(true);
    expect(await stored()).toBeNull();
  });

  test("two writers: the second sees the current values and nothing is overwritten", async () => {
    const planId = await open();
    const base = { grounds: ["family_crisis" as const], groundsOther: null, parentInvolvement: null, reviewIntervalMonths: 3 };
    const first = await editPlan({ user: users.inspector, context, planId, input: { ...base, version: 1, childView: "Первая версия" } });
    expect(first.ok).toBe(true);
    const second = await editPlan({ user: users.inspector, context, planId, input: { ...base, version: 1, childView: "Вторая версия" } });
    expect(second.ok).toBe(false);
    if (second.ok || !second.conflict) throw new Error("expected a conflict");
    expect(second.conflict.version).toBe(2);
    expect(second.conflict.changes).toContainEqual({ field: "childView", value: "Первая версия" });
    expect((await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } })).childView).toBe("Первая версия");
    // The user decides: re-submitting with the new version is accepted.
    expect((await editPlan({ user: users.inspector, context, planId, input: { ...base, version: 2, childView: "Вторая версия" } })).ok).toBe(true);

    // Concurrently, on the same goal: exactly one of two writes with the same version wins.
    await addGoal({ user: users.inspector, context, planId, input: goal({ version: 3, responsibleAgencyId: POLICE }) });
    const goalRow = await database.prisma.supportPlanGoal.findFirstOrThrow({ where: { planId } });
    const results = await Promise.all([
      updateGoal({
        user: users.inspector,
        context,
        planId,
        goalId: goalRow.id,
        input: goal({ version: 1, responsibleAgencyId: POLICE, status: "in_progress" }),
      }),
      updateGoal({
        user: users.inspector,
        context,
        planId,
        goalId: goalRow.id,
        input: goal({ version: 1, responsibleAgencyId: POLICE, status: "not_done", notDoneReason: "Переезд" }),
      }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const loser = results.find((result) => !result.ok)!;
    expect(!loser.ok && loser.conflict?.version).toBe(2);
    expect((await database.prisma.supportPlanGoal.findUniqueOrThrow({ where: { id: goalRow.id } })).version).toBe(2);
    expect(await database.prisma.auditEvent.count({ where: { action: "support_plan.conflict", actorUserId: users.inspector.id } })).toBeGreaterThanOrEqual(2);
  });

  test("a removed member loses access on the next request", async () => {
    const planId = await open();
    await addMember({ user: users.inspector, context, planId, input: { version: 1, userId: users.socialworker.id, roleInPlan: "работа с семьёй" } });
    expect((await readPlan({ user: users.socialworker, context, planId })).id).toBe(planId);
    expect((await listCaseload({ user: users.socialworker, context, page: 1 })).rows.map((row) => row.id)).toContain(planId);
    const member = await database.prisma.supportPlanMember.findFirstOrThrow({ where: { planId, userId: users.socialworker.id } });
    expect((await removeMember({ user: users.inspector, context, planId, input: { version: 2, memberId: member.id } })).ok).toBe(true);
    expect(await statusOf(() => readPlan({ user: users.socialworker, context, planId }))).toBe(404);
    expect((await listCaseload({ user: users.socialworker, context, page: 1 })).rows.map((row) => row.id)).not.toContain(planId);
    expect(await listPersonPlans({ user: users.socialworker, context, personId: CHILD })).toEqual([]);
  });

  test("a pedagogue's proposal is accepted by a lead of the district; transfer hands the plan to another district", async () => {
    const mine = stableId("person", "asanaliev-nurbek"); // owned by the pedagogue's school
    const proposed = await openPlan({
      user: users.pedagogue,
      context,
      input: { personId: mine, grounds: ["school_absence"], groundsOther: null, parentInvolvement: null, childView: null, reviewIntervalMonths: 3 },
    });
    if (!proposed.ok) throw new Error("not proposed");
    const planId = proposed.id;
    expect(await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      isProposal: true,
      status: "draft",
      leadUserId: users.pedagogue.id,
    });
    const asCandidate = await readPlan({ user: users.socialworker, context, planId });
    expect(asCandidate.fields).toEqual(["childName", "grounds", "groundsOther"]);
    expect(asCandidate.actions).toEqual(["read", "accept", "print"]);
    expect((await acceptProposal({ user: users.socialworker, context, planId, input: { version: 1, proposerRole: "социальный педагог школы" } })).ok).toBe(
      true,
    );
    const accepted = await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId }, include: { members: true } });
    expect(accepted).toMatchObject({ isProposal: false, leadUserId: users.socialworker.id });
    expect(accepted.members.map((m) => m.userId)).toEqual([users.pedagogue.id]);
    expect((await listPersonPlans({ user: users.pedagogue, context, personId: mine })).map((p) => p.leadDisplayName)).toEqual([users.socialworker.displayName]);

    expect((await activatePlan({ user: users.socialworker, context, planId, input: { version: 2 } })).ok).toBe(true);
    const sameDistrict = await transferPlan({ user: users.socialworker, context, planId, input: { version: 3, leadUserId: users.inspector.id } });
    expect(sameDistrict).toEqual({ ok: false, fieldErrors: { leadUserId: "plan.error.sameTerritory" } });
    expect((await transferPlan({ user: users.socialworker, context, planId, input: { version: 3, leadUserId: users.newcomer.id } })).ok).toBe(true);
    const moved = await database.prisma.supportPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(moved).toMatchObject({ leadUserId: users.newcomer.id, leadAgencyId: users.newcomer.agency.id, territoryId: users.newcomer.agency.territoryId });
    expect(await statusOf(() => readPlan({ user: users.socialworker, context, planId }))).toBe(404);
    expect(await statusOf(() => readPlan({ user: users.supervisor, context, planId }))).toBe(404);
    expect((await readPlan({ user: users.newcomer, context, planId })).childName).toBe("Асаналиев Нурбек Бакытович");
    const kinds = (await database.prisma.chronologyEvent.findMany({ where: { recordId: planId }, orderBy: { occurredAt: "asc" } })).map((event) => event.kind);
    expect(kinds).toEqual(["support_plan.proposed", "support_plan.accepted", "support_plan.activated", "support_plan.transferred"]);
  });

  test("bad references are field errors and save nothing; unknown or out-of-scope ids look the same", async () => {
    const before = await database.prisma.supportPlan.count();
    const unknown = await openPlan({
      user: users.inspector,
      context,
      input: { personId: newId(), grounds: ["family_crisis"], groundsOther: null, parentInvolvement: null, childView: null, reviewIntervalMonths: 3 },
    });
    const outOfScope = await openPlan({
      user: users.inspector,
      context,
      input: {
        personId: stableId("person", "asanaliev-nurbek"),
        grounds: ["family_crisis"],
        groundsOther: null,
        parentInvolvement: null,
        childView: null,
        reviewIntervalMonths: 3,
      },
    });
    expect(unknown).toEqual({ ok: false, fieldErrors: { personId: "plan.error.unknownPerson" } });
    expect(outOfScope).toEqual(unknown);
    expect(await database.prisma.supportPlan.count()).toBe(before);

    const planId = await open();
    expect(await addMember({ user: users.inspector, context, planId, input: { version: 1, userId: newId(), roleInPlan: "x" } })).toEqual({
      ok: false,
      fieldErrors: { userId: "plan.error.unknownUser" },
    });
    expect(await addMember({ user: users.inspector, context, planId, input: { version: 1, userId: users.auditor.id, roleInPlan: "x" } })).toEqual({
      ok: false,
      fieldErrors: { userId: "plan.error.unknownUser" },
    });
    expect(await addGoal({ user: users.inspector, context, planId, input: goal({ version: 1, responsibleAgencyId: newId() }) })).toEqual({
      ok: false,
      fieldErrors: { responsibleAgencyId: "plan.error.unknownAgency" },
    });
    expect(await addGoal({ user: users.inspector, context, planId, input: goal({ version: 1, responsibleUserId: users.officer.id }) })).toEqual({
      ok: false,
      fieldErrors: { responsibleUserId: "plan.error.responsibleUser" },
    });
    expect(await database.prisma.supportPlanGoal.count({ where: { planId } })).toBe(0);
    expect(await database.prisma.supportPlanMember.count({ where: { planId } })).toBe(0);
    expect(await version(planId)).toBe(1);
    // Roles without case content cannot open plans at all.
    expect(
      await statusOf(() =>
        openPlan({
          user: users.analyst,
          context,
          input: { personId: CHILD, grounds: ["family_crisis"], groundsOther: null, parentInvolvement: null, childView: null, reviewIntervalMonths: 3 },
        }),
      ),
    ).toBe(404);
  });

  test("the raw database holds only ciphertext for narrative fields, goal text, progress notes and roles", async () => {
    const planId = await open();
    await addMember({ user: users.inspector, context, planId, input: { version: 1, userId: users.pedagogue.id, roleInPlan: "социальный педагог" } });
    await addGoal({ user: users.inspector, context, planId, input: goal({ version: 2, text: "<script>alert(1)</script> Цель" }) });
    await recordReview({
      user: users.inspector,
      context,
      planId,
      input: {
        version: 3,
        reviewedOn: todayIso(),
        progressNote: "Заметка о прогрессе",
        riskRating: "low",
        decision: "continue",
        closureReason: undefined,
        closureJustification: null,
        transferTerritoryId: null,
      },
    });
    const [plan] = await database.withConnection((connection) =>
      connection.query<Record<string, string>>(`select grounds_other, parent_involvement, child_view from support_plan where id = $1`, [planId]),
    );
    const [goalRow] = await database.withConnection((connection) =>
      connection.query<{ text: string }>(`select text from support_plan_goal where plan_id = $1`, [planId]),
    );
    const [reviewRow] = await database.withConnection((connection) =>
      connection.query<{ progress_note: string }>(`select progress_note from support_plan_review where plan_id = $1`, [planId]),
    );
    const [memberRow] = await database.withConnection((connection) =>
      connection.query<{ role_in_plan: string }>(`select role_in_plan from support_plan_member where plan_id = $1`, [planId]),
    );
    for (const value of [...Object.values(plan), goalRow.text, reviewRow.progress_note, memberRow.role_in_plan]) {
      expect(value.startsWith("kmk1.")).toBe(true);
    }
    expect(JSON.stringify([plan, goalRow, reviewRow, memberRow])).not.toMatch(/футбол|script|прогрессе|педагог/);
    // Stored as typed, never as markup: the page escapes it (React; see the e2e test).
    expect((await readPlan({ user: users.inspector, context, planId })).goals[0].text).toBe("<script>alert(1)</script> Цель");
  });

  test("caseload: lead, member and supervisor see the plan; the child's name follows the plan policy", async () => {
    const planId = await open();
    await addMember({ user: users.inspector, context, planId, input: { version: 1, userId: users.officer.id, roleInPlan: "участковый" } });
    const byInspector = await listCaseload({ user: users.inspector, context, page: 1 });
    expect(byInspector.rows.find((row) => row.id === planId)).toMatchObject({ childName: "Хегай Виктория Сергеевна", myRelation: "lead" });
    const byOfficer = await listCaseload({ user: users.officer, context, page: 1 });
    expect(byOfficer.rows.find((row) => row.id === planId)).toMatchObject({ myRelation: "member" });
    // A police-only member does not get the family fields.
    const officerView = await readPlan({ user: users.officer, context, planId });
    expect(officerView.childView).toBeNull();
    expect(officerView.fields).not.toContain("childView");
    const bySupervisor = await listCaseload({ user: users.supervisor, context, page: 1 });
    expect(bySupervisor.rows.map((row) => row.id)).toContain(planId);
    for (const name of ["analyst", "admin", "auditor"]) {
      expect((await listCaseload({ user: users[name], context, page: 1 })).rows).toEqual([]);
    }
    const listed = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "support_plan.list", actorUserId: users.inspector.id },
      orderBy: { seq: "desc" },
    });
    expect(listed.fields).toEqual(["childName"]);
  });
});
