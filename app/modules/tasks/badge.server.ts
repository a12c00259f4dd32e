import { orderWorkCountSql } from "~/modules/protection-orders/order-tasks.server";
import { SCREENING_TASK_HORIZON_DAYS } from "~/modules/screenings/alerts.server";
import { getDatabase } from "~/server/db.server";
import type { Actor, RoleName } from "~policies/roles";
import { mayBeAssignedClinician, mayHaveDistrictStatus } from "~policies/screening.policy";
import { sqlParams, taskCountColumns, taskCounts, type SqlParams } from "./tasks.server";

/**
 * What the menu shows on every signed-in page — the task badge (support-plan tasks, screening
 * deadlines and protection-order work, as the inbox counts them), the unread alert count, the break-glass banner — in one
 * SQL round trip over clear, indexed columns; nothing is decrypted. Each term mirrors its
 * definition: taskCounts/taskWheres (tasks.server.ts), screeningTaskCount/screeningTasksFor,
 * unreadAlertCount (screenings/alerts.server.ts), activeBreakGlassUntil (break-glass);
 * tests/integration/task-queries.test.ts compares them for every demo user.
 */
export type MenuBadges = { openTasks: number; unreadAlerts: number; breakGlassUntil: Date | null };

const DAY = 24 * 60 * 60 * 1000;
const DENY_ROLES: readonly RoleName[] = ["admin", "auditor", "analyst"];
const SCREENING_TASK_ROLES: readonly RoleName[] = ["social_pedagogue", "school_psychologist", "service_provider", "supervisor"];
/** The per-kind limits of screeningTasksFor (its lists are what the badge counts). */
const KIND_LIMIT = 50;
const OVERDUE_LIMIT = 100;
const PENDING_ACTION_SCREENINGS = 500;

export async function menuBadges(actor: Actor, options: { alerts: boolean }, now = new Date()): Promise<MenuBadges> {
  const params: unknown[] = [];
  const sql = sqlParams(params);
  const plans = taskCountColumns(actor, now, sql);
  const me = `${sql.named("me", actor.id)}::text`;
  const columns = [
    plans ? `${plans.review} + ${plans.measure} + ${plans.closure} + ${plans.proposal}` : "0",
    `${screeningTaskCountSql(actor, now, sql)} + ${orderWorkCountSql(actor, now, sql.named)}`,
    options.alerts ? `(SELECT count(*) FROM screening_alert WHERE recipient_user_id = ${me} AND read_at IS NULL)::int` : "0",
    // Epoch ms: no driver reads timestamp(3) in its local zone.
    `(SELECT (extract(epoch FROM max(expires_at)) * 1000)::float8 FROM break_glass_grant WHERE user_id = ${me} AND expires_at > ${sql.named("now", now.toISOString())}::timestamp(3))`,
  ];
  const database = await getDatabase();
  const [row] = await database.withConnection((connection) =>
    connection.query<{ plan_tasks: number; screening_tasks: number; unread: number; break_glass_ms: number | null }>(
      `SELECT ${columns[0]} AS plan_tasks, ${columns[1]} AS screening_tasks, ${columns[2]} AS unread, ${columns[3]} AS break_glass_ms`,
      params,
    ),
  );
  // A plan scope the SQL does not know: its Prisma counts (the definition) instead.
  const planTasks = plans ? row.plan_tasks : (await taskCounts(actor, now)).total;
  return {
    openTasks: planTasks + row.screening_tasks,
    unreadAlerts: row.unread,
    breakGlassUntil: row.break_glass_ms === null ? null : new Date(row.break_glass_ms),
  };
}

/** The number of tasks screeningTasksFor lists (each kind with its limit), as one SQL expression. */
function screeningTaskCountSql(actor: Actor, now: Date, { named: p }: SqlParams): string {
  if (actor.roles.length === 0 || actor.roles.some((role) => DENY_ROLES.includes(role))) return "0";
  if (!actor.roles.some((role) => SCREENING_TASK_ROLES.includes(role))) return "0";
  const me = `${p("me", actor.id)}::text`;
  const horizon = `${p("screeningHorizon", new Date(now.getTime() + SCREENING_TASK_HORIZON_DAYS * DAY).toISOString())}::timestamp(3)`;
  const clinician = [
    ...(actor.roles.includes("school_psychologist") ? [`s.school_agency_id = ${p("agency", actor.agencyId)}::text`] : []),
    ...(mayBeAssignedClinician(actor.roles, actor.agencyType)
      ? [`s.id IN (SELECT screening_id FROM screening_assignment WHERE user_id = ${me} AND removed_at IS NULL)`]
      : []),
  ];
  const content = [`s.screener_user_id = ${me}`, ...clinician].join(" OR ");
  const limited = (sql: string, limit = KIND_LIMIT) => `(SELECT count(*) FROM (${sql} LIMIT ${limit}) x)::int`;
  const kinds = [
    clinician.length > 0
      ? limited(
          `SELECT 1 FROM screening s WHERE s.status = 'completed' AND s.assessment_done_at IS NULL AND s.assessment_due_at <= ${horizon} AND (${clinician.join(" OR ")})`,
        )
      : "0",
    limited(
      `SELECT 1 FROM screening s WHERE s.status = 'completed' AND s.screener_user_id = ${me} AND s.result = 'acute_positive' AND s.checklist_completed_at IS NULL`,
    ),
    // The first 50 re-screens due, less those done (a later completed screening of the same child).
    `(SELECT count(*) FROM (SELECT s.person_id, s.completed_at FROM screening s
        WHERE s.status = 'completed' AND s.screener_user_id = ${me} AND s.rescreen_due_at <= ${horizon}
        ORDER BY s.rescreen_due_at ASC, s.id ASC LIMIT ${KIND_LIMIT}) r
      WHERE NOT EXISTS (SELECT 1 FROM screening l WHERE l.person_id = r.person_id AND l.status = 'completed'
        AND l.completed_at IS NOT NULL AND r.completed_at IS NOT NULL AND l.completed_at > r.completed_at))::int`,
    limited(
      `SELECT DISTINCT a.screening_id FROM screening_action a WHERE a.taken_at IS NULL AND a.dismissed_at IS NULL AND a.screening_id IN (
        SELECT s.id FROM screening s WHERE s.status = 'completed' AND (${content}) AND cardinality(s.findings) > 0
        ORDER BY s.completed_at DESC LIMIT ${PENDING_ACTION_SCREENINGS})`,
    ),
    actor.roles.includes("supervisor") && mayHaveDistrictStatus(actor)
      ? limited(
          `SELECT 1 FROM screening s WHERE s.territory_id IN (SELECT ${p("territory", actor.territoryId)}::text UNION ALL SELECT id FROM territory WHERE parent_id = ${p("territory", actor.territoryId)}::text)
            AND s.status = 'completed' AND s.result IN ('acute_positive', 'non_acute_positive') AND s.assessment_done_at IS NULL
            AND s.assessment_due_at < ${p("now", now.toISOString())}::timestamp(3)`,
          OVERDUE_LIMIT,
        )
      : "0",
  ];
  return `(${kinds.join(" + ")})`;
}
