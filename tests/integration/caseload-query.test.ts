import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { caseloadPageIds, caseloadPageSql } from "~/modules/support-plans/caseload-query.server";
import { taskCounts, taskCountsByQueries } from "~/modules/tasks/tasks.server";
import { actorOf } from "~/server/authorization.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { seedDemo } from "~seeds/demo";
import type { Actor, RoleName } from "~policies/roles";
import { planListWhere } from "~policies/support-plan.policy";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "caseload-query-test").toString("base64");

/**
 * The fast caseload query and the one-round-trip badge counts are translations of the
 * policy's Prisma `where`s (planListWhere, taskWheres). Here they must return exactly what the
 * Prisma definitions return, for every demo user and for role combinations no demo user has,
 * page by page, including ties and missing review dates, removed memberships, and closure
 * requests without a requester.
 */
describe.each<Engine>(["postgres", "pglite"])("caseload query and badge counts on %s (same as the policy's where)", (engine) => {
  let database: Database;
  const actors: Array<{ label: string; actor: Actor }> = [];

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    const prisma = database.prisma;
    // Edge cases the demo data may not have: ties and NULLs in the sort key, a removed membership,
    // a closure request whose requester is unknown.
    const plans = await prisma.supportPlan.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const tie = new Date(Date.UTC(2026, 11, 1, 9, 30));
    for (const [i, plan] of plans.entries()) {
      if (i % 7 === 0) await prisma.supportPlan.update({ where: { id: plan.id }, data: { nextReviewDue: null } });
      else if (i % 5 === 0) await prisma.supportPlan.update({ where: { id: plan.id }, data: { nextReviewDue: tie } });
    }
    await database.withConnection((connection) =>
      connection.exec(
        `UPDATE support_plan_member SET removed_at = now() WHERE id IN (SELECT id FROM support_plan_member ORDER BY id LIMIT 3);
         UPDATE support_plan SET closure_requested_by_id = NULL WHERE id IN (SELECT id FROM support_plan WHERE status = 'closure_requested' ORDER BY id LIMIT 1);`,
      ),
    );
    const usernames = (await prisma.user.findMany({ select: { username: true }, orderBy: { username: "asc" } })).map((user) => user.username);
    for (const username of usernames) actors.push({ label: username, actor: actorOf(await asUser(username)) });
    // Combinations of roles: every scope of planListWhere at once, and a denied role beside casework ones.
    const supervisor = actors.find((entry) => entry.label === "supervisor")!.actor;
    const inspector = actors.find((entry) => entry.label === "inspector")!.actor;
    const combos: RoleName[][] = [
      ["supervisor", "social_worker"],
      ["supervisor", "juvenile_inspector", "social_pedagogue"],
      ["juvenile_inspector", "analyst"],
    ];
    for (const roles of combos) {
      actors.push({ label: `inspector as ${roles.join("+")}`, actor: { ...inspector, roles } });
      actors.push({ label: `supervisor as ${roles.join("+")}`, actor: { ...supervisor, roles } });
    }
  });

  afterAll(async () => {
    if (engine === "pglite") await closeDatabase();
  });

  test("every actor's caseload, page by page, equals findMany(planListWhere) in the same order", async () => {
    const prisma = database.prisma;
    let nonEmpty = 0;
    for (const { label, actor } of actors) {
      expect(caseloadPageSql(actor, 0, 1), label).not.toBeNull(); // translated, not the fallback
      const expected = (
        await prisma.supportPlan.findMany({
          where: planListWhere(actor),
          select: { id: true },
          orderBy: [{ nextReviewDue: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        })
      ).map((plan) => plan.id);
      if (expected.length > 0) nonEmpty++;
      expect(await caseloadPageIds(prisma, actor, 0, 1_000), label).toEqual(expected);
      for (const size of [3, 7]) {
        const paged: string[] = [];
        for (let skip = 0; skip <= expected.length; skip += size) paged.push(...((await caseloadPageIds(prisma, actor, skip, size)) ?? []));
        expect(paged, `${label}, pages of ${size}`).toEqual(expected);
      }
    }
    expect(nonEmpty).toBeGreaterThan(5);
  });

  test("every actor's badge counts in one query equal the four Prisma counts", async () => {
    const base = Date.UTC(2026, 10, 20, 14, 45);
    let nonZero = 0;
    for (const { label, actor } of actors) {
      for (const days of [-120, -30, 0, 10, 45, 200]) {
        const now = new Date(base + days * 86_400_000);
        const expected = await taskCountsByQueries(actor, now);
        if (expected.total > 0) nonZero++;
        expect(await taskCounts(actor, now), `${label} at ${now.toISOString()}`).toEqual(expected);
      }
    }
    expect(nonZero).toBeGreaterThan(5);
  });
});
