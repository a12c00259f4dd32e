import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { actorOf, deny, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import type { Actor, RoleName } from "~policies/roles";
import { mayActOnScreening, mayBeAssignedClinician, mayHaveDistrictStatus } from "~policies/screening.policy";
import { ESCALATION_ALERT_KIND, OVERDUE_LIST_HREF } from "./escalation.server";
import { loadScreeningFactsMany } from "./screening-facts.server";
import { DAY, isAssessmentOverdue } from "./pathway-rules";
import { screeningHref } from "./pathway-start.server";
import type { RequestContext } from "~/kit/request.server";

/**
 * Alerts (the in-app notification channel), the supervisor's overdue view and the screening
 * deadlines for the task inbox. Clear columns only: an alert is a pointer (screening, kind,
 * time), never content; overdue is computed at read time: an assessment not done by its due
 * time (the overdue sweep, escalation.server.ts, additionally pushes alerts once). The child's
 * name is decrypted only for tasks of people who may see the screening's content (screener,
 * the school's psychologists, assigned clinicians).
 */

const DENY_ROLES: readonly RoleName[] = ["admin", "auditor", "analyst"];
const denied = (actor: Actor) => actor.roles.length === 0 || actor.roles.some((role) => DENY_ROLES.includes(role));
const LIST_LIMIT = 100;

/** Unread alerts of this user, for the menu counter: one count on (recipient_user_id, read_at). */
export async function unreadAlertCount(userId: string): Promise<number> {
  const prisma = await getPrisma();
  return prisma.screeningAlert.count({ where: { recipientUserId: userId, readAt: null } });
}

type Names = { nameRu: string; nameKy: string; nameEn: string };

export type AlertView = {
  id: string;
  kind: string;
  createdAt: string;
  readAt: string | null;
  screeningId: string;
  /** Null when the viewer may not open the screening (a regional supervisor's escalation alert). */
  href: string | null;
  assessmentDueAt: string | null;
  assessmentDoneAt: string | null;
  overdue: boolean;
  school: Names | null;
};

/** A regional supervisor's rows of other districts have no link: the screening policy gives them no access. */
export type OverdueView = {
  screeningId: string;
  href: string | null;
  dueAt: string;
  school: Names | null;
  district: Names | null;
  screener: string | null;
  escalatedAt: string | null;
};

/**
 * The user's alerts (newest first, unread before read) and, for supervisors, the overdue
 * assessments of their district — or, for a supervisor of a region, of every district in it.
 */
export async function listAlerts(args: {
  user: AuthorizedUser;
  context: RequestContext;
  now?: Date;
}): Promise<{ alerts: AlertView[]; overdue: OverdueView[] | null; overdueScope: "district" | "region" | null }> {
  const now = args.now ?? new Date();
  const actor = actorOf(args.user);
  const prisma = await getPrisma();
  const alerts = await prisma.screeningAlert.findMany({
    where: { recipientUserId: actor.id },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: { id: true, kind: true, createdAt: true, readAt: true, screeningId: true },
  });
  const screenings = await prisma.screening.findMany({
    where: { id: { in: [...new Set(alerts.map((alert) => alert.screeningId))] } },
    select: { id: true, schoolAgencyId: true, territoryId: true, assessmentDueAt: true, assessmentDoneAt: true },
  });
  const scope = await overdueScope(actor, now);
  const overdueRows = scope?.rows ?? null;
  const agencies = await agencyNames([...screenings.map((s) => s.schoolAgencyId), ...(overdueRows ?? []).map((s) => s.schoolAgencyId)]);
  const districts = await territoryNames((overdueRows ?? []).map((s) => s.territoryId));
  const screeningById = new Map(screenings.map((s) => [s.id, s]));
  // Deadline times only for those who may see the content: a status viewer (a referral's recipient)
  // could tell an acute result (due 24 h after completion) from a non-acute one (72 h).
  const contentIds = new Set(
    (screenings.length ? await loadScreeningFactsMany({ id: { in: screenings.map((s) => s.id) } }) : [])
      .filter((facts) => mayActOnScreening(actor, "read_content", facts))
      .map((facts) => facts.id),
  );
  const screeners = overdueRows?.length
    ? new Map(
        (
          await prisma.user.findMany({ where: { id: { in: [...new Set(overdueRows.map((s) => s.screenerUserId))] } }, select: { id: true, displayName: true } })
        ).map((u) => [u.id, u.displayName]),
      )
    : new Map<string, string>();
  await recordAudit({
    actor: auditActor(args.user),
    action: "screening.alerts_list",
    decision: "allowed",
    fields: ["kind", "assessmentDueAt", "assessmentDoneAt", "schoolAgencyId", ...(overdueRows ? ["territoryId", "overdueEscalatedAt"] : [])],
    purpose: `alerts:${alerts.length};overdue:${overdueRows?.length ?? "-"}`,
    context: args.context,
  });
  return {
    alerts: alerts.map((alert) => {
      const screening = screeningById.get(alert.screeningId);
      return {
        id: alert.id,
        kind: alert.kind,
        createdAt: alert.createdAt.toISOString(),
        readAt: alert.readAt?.toISOString() ?? null,
        screeningId: alert.screeningId,
        href: alert.kind === ESCALATION_ALERT_KIND && screening && screening.territoryId !== actor.territoryId ? null : screeningHref(alert.screeningId),
        assessmentDueAt: contentIds.has(alert.screeningId) ? (screening?.assessmentDueAt?.toISOString() ?? null) : null,
        assessmentDoneAt: contentIds.has(alert.screeningId) ? (screening?.assessmentDoneAt?.toISOString() ?? null) : null,
        overdue: screening ? isAssessmentOverdue(screening, now) : false,
        school: screening ? (agencies.get(screening.schoolAgencyId) ?? null) : null,
      };
    }),
    overdue:
      overdueRows?.map((row) => ({
        screeningId: row.id,
        href: overdueHref(actor, row),
        dueAt: (row.assessmentDueAt as Date).toISOString(),
        school: agencies.get(row.schoolAgencyId) ?? null,
        district: districts.get(row.territoryId) ?? null,
        screener: screeners.get(row.screenerUserId) ?? null,
        escalatedAt: row.overdueEscalatedAt?.toISOString() ?? null,
      })) ?? null,
    overdueScope: scope ? (scope.region ? "region" : "district") : null,
  };
}

async function agencyNames(ids: string[]): Promise<Map<string, Names>> {
  if (ids.length === 0) return new Map();
  const prisma = await getPrisma();
  const rows = await prisma.agency.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, nameRu: true, nameKy: true, nameEn: true } });
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}

async function territoryNames(ids: string[]): Promise<Map<string, Names>> {
  if (ids.length === 0) return new Map();
  const prisma = await getPrisma();
  const rows = await prisma.territory.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, nameRu: true, nameKy: true, nameEn: true } });
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}

/** The screening for the supervisor of its district; the overdue list for a regional supervisor (no access to the screening itself). */
const overdueHref = (actor: Actor, row: { id: string; territoryId: string }) => (row.territoryId === actor.territoryId ? screeningHref(row.id) : null);

/**
 * Supervisors: assessments not done by their due time (oldest first) in their district — and,
 * when their agency's territory is a region (it has districts under it), in every district of
 * that region: the supervisor's supervisor view. Status facts only. Others — and supervisors
 * employed by a school — null.
 */
export async function overdueAssessments(actor: Actor, now = new Date()) {
  return (await overdueScope(actor, now))?.rows ?? null;
}

async function overdueScope(actor: Actor, now: Date) {
  // A school's staff with the supervisor role is not a district supervisor (decision 016, Access).
  if (denied(actor) || !actor.roles.includes("supervisor") || !mayHaveDistrictStatus(actor)) return null;
  const prisma = await getPrisma();
  const children = await prisma.territory.findMany({ where: { parentId: actor.territoryId }, select: { id: true } });
  const rows = await prisma.screening.findMany({
    where: {
      territoryId: { in: [actor.territoryId, ...children.map((child) => child.id)] },
      status: "completed",
      result: { in: ["acute_positive", "non_acute_positive"] },
      assessmentDoneAt: null,
      assessmentDueAt: { lt: now },
    },
    select: { id: true, schoolAgencyId: true, territoryId: true, screenerUserId: true, assessmentDueAt: true, overdueEscalatedAt: true },
    orderBy: [{ assessmentDueAt: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
  });
  return { rows, region: children.length > 0 };
}

/** Marks one of the user's own alerts read; anyone else's (or none) is an audited 404. */
export async function markAlertRead(args: { user: AuthorizedUser; context: RequestContext; alertId: string; now?: Date }): Promise<void> {
  const prisma = await getPrisma();
  const alert = await prisma.screeningAlert.findFirst({ where: { id: args.alertId, recipientUserId: args.user.id }, select: { id: true, screeningId: true } });
  if (!alert) return deny(args.user, args.context, { type: "screening_alert", id: args.alertId });
  await prisma.screeningAlert.updateMany({ where: { id: alert.id, readAt: null }, data: { readAt: args.now ?? new Date() } });
  await recordAudit({
    actor: auditActor(args.user),
    action: "screening.alert_read",
    decision: "allowed",
    record: { type: "screening", id: alert.screeningId },
    fields: ["readAt"],
    purpose: `alert:${alert.id}`,
    context: args.context,
  });
}

// ---------------------------------------------------------------------------------------
// Deadlines for the task inbox
// ---------------------------------------------------------------------------------------

export const SCREENING_TASK_HORIZON_DAYS = 14;
export type ScreeningTaskKind = "screening_assessment" | "screening_checklist" | "screening_rescreen" | "screening_action" | "screening_overdue";
export type ScreeningTask = { kind: ScreeningTaskKind; screeningId: string; href: string; due: string | null; overdue: boolean; childName: string | null };

const fullName = (p: { surname?: string | null; givenName?: string | null; patronymic?: string | null }) =>
  [p.surname, p.givenName, p.patronymic].filter(Boolean).join(" ") || null;

/**
 * What waits for this user from screenings, most urgent first: assessments due or overdue
 * (school psychologists of the school, assigned clinicians), acute checklists not completed and
 * re-screens due (the screener), suggested actions not taken (the screener and the school's
 * psychologists), and for supervisors the district's overdue assessments (no child name: they
 * see status only).
 */
export async function screeningTasksFor(user: AuthorizedUser | Actor, now = new Date(), options: { names?: boolean } = {}): Promise<ScreeningTask[]> {
  const actor: Actor = "agency" in user ? actorOf(user) : user;
  if (denied(actor) || !mayHaveScreeningTasks(actor)) return [];
  const prisma = await getPrisma();
  const horizon = new Date(now.getTime() + SCREENING_TASK_HORIZON_DAYS * DAY);
  const psychologist = actor.roles.includes("school_psychologist");
  // An assignment counts only while the policy accepts this user as a clinician (role or agency may have changed since).
  const assigned = mayBeAssignedClinician(actor.roles, actor.agencyType)
    ? (await prisma.screeningAssignment.findMany({ where: { userId: actor.id, removedAt: null }, select: { screeningId: true } })).map((a) => a.screeningId)
    : [];
  const clinicianScope = [...(psychologist ? [{ schoolAgencyId: actor.agencyId }] : []), ...(assigned.length > 0 ? [{ id: { in: assigned } }] : [])];
  const contentScope = [{ screenerUserId: actor.id }, ...clinicianScope];
  const select = { id: true, personId: true, completedAt: true, assessmentDueAt: true, rescreenDueAt: true } as const;
  const [assessments, checklists, rescreens, actions, overdue] = await Promise.all([
    clinicianScope.length > 0
      ? prisma.screening.findMany({
          where: { status: "completed", assessmentDoneAt: null, assessmentDueAt: { lte: horizon }, OR: clinicianScope },
          select,
          orderBy: [{ assessmentDueAt: "asc" }, { id: "asc" }],
          take: 50,
        })
      : [],
    prisma.screening.findMany({
      where: { status: "completed", screenerUserId: actor.id, result: "acute_positive", checklistCompletedAt: null },
      select,
      orderBy: [{ completedAt: "asc" }, { id: "asc" }],
      take: 50,
    }),
    prisma.screening.findMany({
      where: { status: "completed", screenerUserId: actor.id, rescreenDueAt: { lte: horizon } },
      select,
      orderBy: [{ rescreenDueAt: "asc" }, { id: "asc" }],
      take: 50,
    }),
    prisma.screeningAction.findMany({
      where: { takenAt: null, dismissedAt: null, screeningId: { in: await pendingActionScreenings(contentScope) } },
      select: { screeningId: true },
      distinct: ["screeningId"],
      take: 50,
    }),
    overdueAssessments(actor, now),
  ]);
  // A re-screen is done once a later screening of the same child is completed.
  const rescreenPeople = [...new Set(rescreens.map((s) => s.personId))];
  const later = rescreenPeople.length
    ? await prisma.screening.findMany({ where: { personId: { in: rescreenPeople }, status: "completed" }, select: { personId: true, completedAt: true } })
    : [];
  const rescreensDue = rescreens.filter(
    (s) => !later.some((l) => l.personId === s.personId && l.completedAt && s.completedAt && l.completedAt > s.completedAt),
  );
  const actionScreenings = actions.length ? await prisma.screening.findMany({ where: { id: { in: actions.map((a) => a.screeningId) } }, select }) : [];
  const named = [...assessments, ...checklists, ...rescreensDue, ...actionScreenings];
  const people =
    named.length && options.names !== false
      ? await prisma.person.findMany({
          where: { id: { in: [...new Set(named.map((s) => s.personId))] } },
          select: { id: true, surname: true, givenName: true, patronymic: true },
        })
      : [];
  const nameOf = new Map(people.map((p) => [p.id, fullName(p)]));
  const task = (kind: ScreeningTaskKind, s: { id: string; personId: string }, due: Date | null, href = screeningHref(s.id)): ScreeningTask => ({
    kind,
    screeningId: s.id,
    href,
    due: due?.toISOString() ?? null,
    overdue: due !== null && due.getTime() < now.getTime(),
    childName: nameOf.get(s.personId) ?? null,
  });
  const tasks: ScreeningTask[] = [
    ...checklists.map((s) => task("screening_checklist", s, s.completedAt, `${screeningHref(s.id)}/checklist`)),
    ...assessments.map((s) => task("screening_assessment", s, s.assessmentDueAt, `${screeningHref(s.id)}/assessment`)),
    ...rescreensDue.map((s) => task("screening_rescreen", s, s.rescreenDueAt)),
    ...actionScreenings.map((s) => task("screening_action", s, null, `${screeningHref(s.id)}/actions`)),
    ...(overdue ?? []).map((s) => ({
      kind: "screening_overdue" as const,
      screeningId: s.id,
      href: overdueHref(actor, s) ?? OVERDUE_LIST_HREF,
      due: (s.assessmentDueAt as Date).toISOString(),
      overdue: true,
      childName: null,
    })),
  ];
  // The checklist of an acute screen is due at once: it counts as overdue until done.
  return tasks.sort(
    (a, b) => Number(b.kind === "screening_checklist") - Number(a.kind === "screening_checklist") || (a.due ?? "9").localeCompare(b.due ?? "9"),
  );
}

/** Screenings whose pending actions are this user's to take (their content scope). */
async function pendingActionScreenings(scope: Array<Record<string, unknown>>): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.screening.findMany({
    where: { status: "completed", OR: scope, findings: { isEmpty: false } },
    select: { id: true },
    orderBy: { completedAt: "desc" },
    take: 500,
  });
  return rows.map((row) => row.id);
}

/**
 * Only these roles can have screening tasks: screeners (checklists, re-screens, actions), school
 * psychologists and assignable clinicians (assessments, actions), supervisors (overdue). Everyone
 * else skips the queries on every page.
 */
const SCREENING_TASK_ROLES: readonly RoleName[] = ["social_pedagogue", "school_psychologist", "service_provider", "supervisor"];
function mayHaveScreeningTasks(actor: Actor): boolean {
  return actor.roles.some((role) => SCREENING_TASK_ROLES.includes(role));
}

/** The count for the menu badge: the same tasks as the inbox, without decrypting any name. */
export async function screeningTaskCount(user: AuthorizedUser | Actor, now = new Date()): Promise<number> {
  return (await screeningTasksFor(user, now, { names: false })).length;
}

/**
 * The task inbox shows child names next to deadlines that tell a screening was positive: each
 * screening so shown is audited (purpose "task-inbox"), as any other view of screening content.
 */
export async function auditScreeningTasksShown(user: AuthorizedUser, context: RequestContext, tasks: readonly ScreeningTask[]): Promise<void> {
  const named = [...new Set(tasks.filter((task) => task.childName !== null).map((task) => task.screeningId))];
  await Promise.all(
    named.map((screeningId) =>
      recordAudit({
        actor: auditActor(user),
        action: "screening.tasks_listed",
        decision: "allowed",
        record: { type: "screening", id: screeningId },
        fields: ["childName", "deadline"],
        purpose: "task-inbox",
        context,
      }),
    ),
  );
}
