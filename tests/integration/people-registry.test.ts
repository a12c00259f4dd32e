import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { personChronology } from "~/modules/chronology/chronology-view.server";
import { readPerson, searchPeople } from "~/modules/people/people.server";
import { createPerson } from "~/modules/people/person-create.server";
import { addGuardian, listGuardians, mergePeople, mergeView, unmergePeople } from "~/modules/people/person-links.server";
import { taskCounts, taskInbox } from "~/modules/tasks/tasks.server";
import { actorOf } from "~/server/authorization.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { demoCaseloadRows, DEMO_ANCHOR } from "~seeds/caseload";
import { seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser, statusOf } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "people-test").toString("base64");

const context = { requestId: "test-request", ip: "127.0.0.1" };
const rows = demoCaseloadRows();
const childOf = (username: string) =>
  rows.people.find(
    (person) => person.createdById === stableId("user", username) && rows.plans.some((plan) => plan.personId === person.id && plan.status === "active"),
  )!;
const base = { patronymic: null, address: null, phone: null, notes: null, choice: "check" as const, candidateId: null };

describe.each<Engine>(["postgres", "pglite"])("person registry on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
  }, 120_000);

  afterAll(async () => {
    if (engine === "pglite") await closeDatabase();
  });

  test("duplicate prompt: same PIN in scope blocks 'different', out of scope only says the PIN exists", async () => {
    const socialworker = await asUser("socialworker");
    const own = childOf("socialworker");
    const input = { ...base, surname: "Новиков", givenName: "Олег", birthDate: "2014-01-01", sex: "male" as const, pin: own.pin! };
    const prompt = await createPerson({ user: socialworker, context, input });
    expect(prompt).toMatchObject({ kind: "prompt", pinBlocked: true, pinExistsOutOfScope: false });
    expect(prompt.kind === "prompt" && prompt.candidates.map((c) => [c.id, c.reasons])).toEqual([[own.id, ["pin"]]]);
    const forced = await createPerson({ user: socialworker, context, input: { ...input, choice: "different" } });
    expect(forced.kind).toBe("prompt");

    const oshChild = childOf("inspector-osh");
    const elsewhere = await createPerson({ user: socialworker, context, input: { ...input, pin: oshChild.pin! } });
    expect(elsewhere).toEqual({ kind: "prompt", candidates: [], pinBlocked: true, pinExistsOutOfScope: true });
  });

  test("surname + birth date and name + year candidates; 'same person' creates nothing, 'different' records decisions", async () => {
    const socialworker = await asUser("socialworker");
    const own = childOf("socialworker");
    const before = await database.prisma.person.count();
    const sameSurnameDate = {
      ...base,
      surname: ` ${own.surname.toUpperCase()} `,
      givenName: "Другое",
      birthDate: own.birthDate!,
      sex: "female" as const,
      pin: null,
    };
    const prompt = await createPerson({ user: socialworker, context, input: sameSurnameDate });
    expect(prompt.kind === "prompt" && prompt.candidates.find((c) => c.id === own.id)?.reasons).toEqual(["surname_birth"]);

    const sameNameYear = {
      ...base,
      surname: own.surname,
      givenName: own.givenName,
      birthDate: `${own.birthDate!.slice(0, 4)}-12-31`,
      sex: "female" as const,
      pin: null,
    };
    const byName = await createPerson({ user: socialworker, context, input: sameNameYear });
    expect(byName.kind === "prompt" && byName.candidates.find((c) => c.id === own.id)).toMatchObject({
      surname: own.surname,
      givenName: own.givenName,
      birthDate: own.birthDate,
      reasons: ["name_year"],
    });

    expect(await createPerson({ user: socialworker, context, input: { ...sameNameYear, candidateId: own.id } })).toEqual({ kind: "same", personId: own.id });
    expect(await database.prisma.person.count()).toBe(before);

    const created = await createPerson({ user: socialworker, context, input: { ...sameSurnameDate, choice: "different" } });
    expect(created.kind).toBe("created");
    const personId = created.kind === "created" ? created.personId : "";
    const decisions = await database.prisma.duplicateDecision.findMany({ where: { personId } });
    expect(decisions.map((d) => [d.candidateId, d.verdict, d.userId])).toEqual([[own.id, "different_person", socialworker.id]]);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "person.create", recordId: personId } });
    expect(audit.fields).toEqual(["surname", "givenName", "birthDate", "sex"]);
  });

  test("only in-scope candidates are shown: a child of another agency with the same surname and date stays hidden", async () => {
    const inspector = await asUser("inspector");
    const foreign = childOf("socialworker");
    const prompt = await createPerson({
      user: inspector,
      context,
      input: { ...base, surname: foreign.surname, givenName: foreign.givenName, birthDate: foreign.birthDate!, sex: "female", pin: null },
    });
    expect(prompt.kind === "prompt" ? prompt.candidates.map((c) => c.id) : []).not.toContain(foreign.id);
  });

  test("merge and undo: merged record redirects to the survivor, leaves search, and comes back on undo", async () => {
    const socialworker = await asUser("socialworker");
    const supervisor = await asUser("supervisor");
    const own = childOf("socialworker");
    const created = await createPerson({
      user: socialworker,
      context,
      input: { ...base, surname: own.surname, givenName: own.givenName, birthDate: own.birthDate!, sex: own.sex!, pin: null, choice: "different" },
    });
    const duplicateId = created.kind === "created" ? created.personId : "";
    expect(await statusOf(() => mergePeople({ user: socialworker, context, survivorId: own.id, duplicateId }))).toBe(404);

    const survivorView = await readPerson({ user: supervisor, context, personId: own.id });
    const view = await mergeView(actorOf(supervisor), survivorView.person as never);
    expect(view?.candidates.map((c) => c.id)).toContain(duplicateId);
    const mergeId = await mergePeople({ user: supervisor, context, survivorId: own.id, duplicateId });
    const redirect = await readPerson({ user: socialworker, context, personId: duplicateId }).catch((thrown: Response) => thrown);
    expect(redirect instanceof Response && redirect.status).toBe(302);
    expect((redirect as Response).headers.get("Location")).toBe(`/people/${own.id}`);
    const found = await searchPeople({ user: socialworker, context, criteria: { kind: "name", surname: own.surname, birthDate: own.birthDate! } });
    expect(found.map((p) => p.id)).not.toContain(duplicateId);
    expect(await database.prisma.personMerge.count({ where: { id: mergeId, survivorId: own.id, mergedId: duplicateId, revertedAt: null } })).toBe(1);

    await unmergePeople({ user: supervisor, context, survivorId: own.id, mergeId });
    expect((await readPerson({ user: socialworker, context, personId: duplicateId })).person.id).toBe(duplicateId);
    const actions = await database.prisma.auditEvent.findMany({
      where: { action: { in: ["person.merge", "person.unmerge"] }, recordId: duplicateId },
      orderBy: { seq: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["person.merge", "person.unmerge"]);
    const kinds = (await personChronology({ user: supervisor, context, personId: own.id })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["person.merged", "person.unmerged"]));
  });

  test("chronology: a colleague who may read the person but not the plan sees no plan entries", async () => {
    const own = childOf("socialworker");
    const lead = await personChronology({ user: await asUser("socialworker"), personId: own.id });
    expect(lead.some((e) => e.kind === "support_plan.opened")).toBe(true);
    expect(lead.find((e) => e.kind === "support_plan.opened")).toMatchObject({
      author: "Назира Абдыкадырова",
      labelKey: "chronology.kind.support_plan.opened",
    });
    const times = lead.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const colleague = await personChronology({ user: await asUser("socialworker2"), personId: own.id });
    expect(colleague.map((e) => e.kind)).toContain("person.created");
    expect(colleague.filter((e) => e.recordType === "support_plan")).toEqual([]);
  });

  test("guardians: added by PIN among visible people, listed, and recorded in the chronology", async () => {
    const socialworker = await asUser("socialworker");
    const [child, other] = rows.people.filter((p) => p.createdById === socialworker.id);
    expect(await addGuardian({ user: socialworker, context, childId: child.id, guardianPin: childOf("inspector-osh").pin!, relation: "mother" })).toEqual({
      ok: false,
      fieldErrors: { guardianPin: "people.error.guardianNotFound" },
    });
    expect(await addGuardian({ user: socialworker, context, childId: child.id, guardianPin: other.pin!, relation: "aunt" })).toMatchObject({ ok: true });
    const guardians = await listGuardians(actorOf(socialworker), child.id);
    expect(guardians).toMatchObject([{ relation: "aunt", guardian: { id: other.id, name: { surname: other.surname } } }]);
    expect(
      await statusOf(() =>
        addGuardian({ user: socialworker, context: undefined, childId: childOf("inspector-osh").id, guardianPin: other.pin!, relation: "aunt" }),
      ),
    ).toBe(404);
  });

  test("task inbox: reviews, measures, closure approvals and proposals per role", async () => {
    const now = DEMO_ANCHOR;
    const horizon = now.getTime() + 14 * 24 * 60 * 60 * 1000;
    const inspector = actorOf(await asUser("inspector"));
    const expectedReviews = rows.plans.filter(
      (p) => p.leadUserId === inspector.id && p.status === "active" && p.nextReviewDue && (p.nextReviewDue as Date).getTime() <= horizon,
    ).length;
    const proposals = rows.plans.filter((p) => p.isProposal && p.status === "draft" && p.territoryId === inspector.territoryId).length;
    const counts = await taskCounts(inspector, now);
    expect(counts.review).toBe(expectedReviews);
    expect(counts.review).toBeGreaterThan(0);
    expect(counts.proposal).toBe(proposals);
    expect(counts.closure).toBe(0);
    const supervisor = actorOf(await asUser("supervisor"));
    const closures = rows.plans.filter((p) => p.status === "closure_requested" && p.territoryId === supervisor.territoryId).length;
    expect((await taskCounts(supervisor, now)).closure).toBe(closures);
    const inbox = await taskInbox(inspector, now);
    expect(inbox.tasks.filter((task) => task.kind === "review")).toHaveLength(expectedReviews);
    expect(inbox.tasks.find((task) => task.kind === "review")?.childName).toMatch(/\S+ \S+/);
    for (const username of ["admin", "auditor", "analyst"]) expect((await taskCounts(actorOf(await asUser(username)), now)).total).toBe(0);
    const nurse = actorOf(await asUser("nurse"));
    const nurseMeasures = rows.goals.filter(
      (g) =>
        g.responsibleUserId === nurse.id &&
        ["planned", "in_progress"].includes(g.status as string) &&
        (g.dueDate as Date).getTime() <= horizon &&
        rows.plans.find((p) => p.id === g.planId)!.status === "active",
    ).length;
    expect((await taskCounts(nurse, now)).measure).toBe(nurseMeasures);
  });
});
