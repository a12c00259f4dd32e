import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { activeBreakGlassUntil } from "~/modules/break-glass/grants.server";
import { screeningTaskCount, unreadAlertCount } from "~/modules/screenings/alerts.server";
import { orderWorkOf } from "~/modules/protection-orders/order-tasks.server";
import { menuBadges } from "~/modules/tasks/badge.server";
import { taskCountsByQueries, taskInbox, taskInboxByQueries } from "~/modules/tasks/tasks.server";
import { actorOf } from "~/server/authorization.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { instrumentVersionId, seedDemo } from "~seeds/demo";
import type { Actor, RoleName } from "~policies/roles";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { asUser } from "../support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "menu-badges-test").toString("base64");

/**
 * The task inbox's one-statement lists equal its Prisma definition (taskInboxByQueries), and the
 * root loader's one-round-trip menu state (app/modules/tasks/badge.server.ts) is a translation of the
 * definitions: the Prisma task counts, the inbox's screening task list, the unread alert count and
 * the active break-glass grant. For every demo user, role combinations, and points in time, over
 * screenings that hit every kind and its limit (more than 50 per kind), they must agree.
 */
describe.each<Engine>(["postgres", "pglite"])("task inbox and menu badges on %s (same as the definitions)", (engine) => {
  let database: Database;
  const actors: Array<{ label: string; actor: Actor }> = [];

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
    const psychologist = await asUser("psychologist");
    const pedagogue = await asUser("pedagogue");
    const provider = await asUser("provider");
    const people = (await database.prisma.person.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 20 })).map((p) => p.id);
    // 240 completed screenings at the psychologist's school: every kind of task, past and future
    // deadlines, re-screens of the same child done later, actions taken and pending, assignments.
    await database.withConnection((c) =>
      c.query(
        `INSERT INTO screening (id, person_id, school_agency_id, territory_id, screener_user_id, asq_version_id, status, consent, result, findings,
           started_at, completed_at, checklist_completed_at, assessment_due_at, assessment_done_at, rescreen_due_at, version)
         SELECT 'badge-scr-' || lpad(g::text, 4, '0'), ($1::text[])[1 + (g % array_length($1::text[], 1))], $2, $3, $4, $5, 'completed', 'assent', r.result::"ScreeningResult",
           CASE WHEN g % 3 = 0 THEN ARRAY['racket'] ELSE ARRAY[]::text[] END, ts, ts,
           CASE WHEN r.result = 'acute_positive' AND g % 4 = 0 THEN ts + interval '10 minutes' END,
           CASE r.result WHEN 'acute_positive' THEN ts + interval '24 hours' WHEN 'non_acute_positive' THEN ts + interval '72 hours' END,
           CASE WHEN r.result <> 'negative' AND g % 5 = 0 THEN ts + interval '20 hours' END,
           CASE WHEN g % 2 = 0 THEN ts + interval '30 days' END, 1
         FROM generate_series(1, 240) g
         CROSS JOIN LATERAL (SELECT CASE WHEN g % 3 = 0 THEN 'acute_positive' WHEN g % 3 = 1 THEN 'non_acute_positive' ELSE 'negative' END AS result,
                                    timestamp '2026-11-20 12:00' - (g % 90) * interval '1 day' + g * interval '1 minute' AS ts) r`,
        [people, psychologist.agency.id, psychologist.agency.territoryId, pedagogue.id, instrumentVersionId("asq", 1)],
      ),
    );
    await database.withConnection((c) =>
      c.exec(
        `INSERT INTO screening_action (id, screening_id, kind, finding, user_id, taken_at)
           SELECT 'badge-act-' || id, id, 'refer_inspector', 'racket', screener_user_id, CASE WHEN right(id, 1) IN ('3', '6') THEN completed_at END
           FROM screening WHERE id LIKE 'badge-scr-%' AND cardinality(findings) > 0;
         INSERT INTO screening_action (id, screening_id, kind, finding, user_id)
           SELECT 'badge-act2-' || id, id, 'propose_plan', 'racket', screener_user_id FROM screening WHERE id LIKE 'badge-scr-00%' AND cardinality(findings) > 0;`,
      ),
    );
    await database.withConnection((c) =>
      c.query(
        `INSERT INTO screening_assignment (id, screening_id, user_id, assigned_by_id, removed_at)
           SELECT 'badge-asg-' || id, id, $1, $2, CASE WHEN right(id, 1) = '7' THEN now() END FROM screening WHERE id LIKE 'badge-scr-01%';
         `,
        [provider.id, psychologist.id],
      ),
    );
    await database.withConnection((c) =>
      c.query(
        `INSERT INTO screening_alert (id, screening_id, recipient_user_id, kind, created_at, read_at)
           SELECT 'badge-alert-' || id, id, $1, 'acute', completed_at, CASE WHEN right(id, 1) = '2' THEN completed_at END FROM screening WHERE id LIKE 'badge-scr-%';
         `,
        [psychologist.id],
      ),
    );
    await database.withConnection((c) =>
      c.query(
        `INSERT INTO break_glass_grant (id, user_id, record_type, record_id, reason, expires_at)
           VALUES ('badge-bg-1', $1, 'person', 'x', 'kmk1.not-read', timestamp '2026-11-20 15:00'), ('badge-bg-2', $1, 'person', 'y', 'kmk1.not-read', timestamp '2026-11-20 14:30')`,
        [pedagogue.id],
      ),
    );
    const usernames = (await database.prisma.user.findMany({ select: { username: true }, orderBy: { username: "asc" } })).map((user) => user.username);
    for (const username of usernames) actors.push({ label: username, actor: actorOf(await asUser(username)) });
    const supervisor = actors.find((entry) => entry.label === "supervisor")!.actor;
    const combos: RoleName[][] = [
      ["supervisor", "school_psychologist"],
      ["social_pedagogue", "school_psychologist"],
      ["school_psychologist", "analyst"],
    ];
    for (const roles of combos) actors.push({ label: `psychologist as ${roles.join("+")}`, actor: { ...actorOf(psychologist), roles } });
    actors.push({ label: "supervisor in the psychologist's district", actor: { ...supervisor, territoryId: psychologist.agency.territoryId } });
  });

  afterAll(async () => {
    if (engine === "pglite") await closeDatabase();
  });

  test("every actor's badge, alert count and break-glass time equal the definitions", async () => {
    const base = Date.UTC(2026, 10, 20, 14, 45);
    let screeningTasks = 0;
    for (const { label, actor } of actors) {
      for (const days of [-60, -3, 0, 10, 45]) {
        const now = new Date(base + days * 86_400_000);
        const [plans, screenings, orders, unread, breakGlass] = await Promise.all([
          taskCountsByQueries(actor, now),
          screeningTaskCount(actor, now),
          orderWorkOf(actor, now),
          unreadAlertCount(actor.id),
          activeBreakGlassUntil(actor.id, now),
        ]);
        screeningTasks = Math.max(screeningTasks, screenings);
        expect(await menuBadges(actor, { alerts: true }, now), `${label} at ${now.toISOString()}`).toEqual({
          openTasks: plans.total + screenings + orders.tasks.length + orders.alerts.length,
          unreadAlerts: unread,
          breakGlassUntil: breakGlass,
        });
      }
    }
    // The fixture reaches the per-kind limits, or the comparison proves little.
    expect(screeningTasks).toBeGreaterThanOrEqual(100);
  });

  test("every actor's task inbox from one statement equals the Prisma queries, in the same order", async () => {
    const base = Date.UTC(2026, 10, 20, 14, 45);
    let tasks = 0;
    for (const { label, actor } of actors) {
      for (const days of [-120, -30, 0, 10, 45, 200]) {
        const now = new Date(base + days * 86_400_000);
        const expected = await taskInboxByQueries(actor, now);
        tasks += expected.tasks.length;
        expect(await taskInbox(actor, now), `${label} at ${now.toISOString()}`).toEqual(expected);
      }
    }
    expect(tasks).toBeGreaterThan(20);
  });
});
