import type { AppLoadContext } from "@remix-run/node";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { actorOf, deny, type AuthorizedUser } from "~/server/authorization.server";
import type { SignedInUser } from "~/server/auth/session.server";
import { getPrisma, type AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { deliverAll, externalNotifier, type Notification, type Notifier } from "~/server/notify/notifier.server";
import type { Actor } from "~policies/roles";
import { pathwayAccess, type PathwayScopeFacts } from "./pathway-access";
import {
  checklistComplete,
  isAssessmentOverdue,
  parseChecklist,
  pathwayDeadlines,
  suggestedActions,
  dismissNeedsReason,
  type ActionKind,
  type SafetyChecklist,
  type ScreeningResultCode,
} from "./pathway-rules";

/**
 * The pathways the system enforces after a screening (issue 5, decision 017): who is alerted,
 * what falls due when, which actions are suggested. `startPathway` runs inside the transaction
 * that completes a screening (screenings.server.ts); everything else reads and writes through
 * the scope facts below and `pathwayAccess` (content / status / none).
 */

export type Context = Partial<AppLoadContext> | undefined;

/** What the completing code passes: the completed row (clear scope facts and result). */
export type CompletedScreening = {
  id: string;
  personId: string;
  schoolAgencyId: string;
  territoryId: string;
  screenerUserId: string;
  result: ScreeningResultCode | null;
  findings: readonly string[];
  completedAt?: Date | null;
};

export type PathwayStarted = {
  alertRecipients: string[];
  assessmentDueAt: Date | null;
  rescreenDueAt: Date | null;
  actions: number;
  notifications: Notification[];
  /**
   * Call after the transaction commits: the audit event for the pathway and the e-mail/SMS hook
   * (pointer only). The in-app alerts are already rows of the committed transaction.
   */
  afterCommit(options?: { notifier?: Notifier }): Promise<void>;
};

/**
 * The school's psychologists and the district's supervisors (active accounts, active agencies).
 * A supervisor employed by a school is school staff, not a district supervisor: never alerted
 * (the alert kind alone would tell them a pupil screened acute; decision 016, Access).
 */
export async function acuteRecipients(client: Pick<AppTransaction, "user">, screening: { schoolAgencyId: string; territoryId: string }): Promise<string[]> {
  // Roles are filtered here, not in SQL: `roles: { has }` does not survive the PGlite adapter
  // (admin.server.ts); the candidates are one school's and one district's staff.
  const users = await client.user.findMany({
    where: { status: "active", OR: [{ agencyId: screening.schoolAgencyId }, { agency: { territoryId: screening.territoryId, status: "active" } }] },
    select: { id: true, roles: true, agencyId: true, agency: { select: { type: true } } },
    orderBy: { id: "asc" },
  });
  return users
    .filter(
      (user) =>
        (user.roles.includes("school_psychologist") && user.agencyId === screening.schoolAgencyId) ||
        (user.roles.includes("supervisor") && user.agency.type !== "school"),
    )
    .map((user) => user.id);
}

export const screeningHref = (screeningId: string) => `/screenings/${screeningId}`;

/**
 * Starts the pathway of a just-completed screening, inside the completing transaction (whose
 * update has written the deadlines, `pathwayDeadlines`): acute alerts (school psychologists,
 * district supervisors), suggested actions for the vulnerability findings. Idempotent per screening is the caller's concern
 * (it completes a screening once, under its version check).
 */
export async function startPathway(args: {
  tx: AppTransaction;
  screening: CompletedScreening;
  user: Pick<SignedInUser, "id"> & Partial<AuthorizedUser>;
  context?: Context;
  now?: Date;
}): Promise<PathwayStarted> {
  const { tx, screening } = args;
  const completedAt = screening.completedAt ?? args.now ?? new Date();
  // The completing update already wrote these deadlines (one statement less on the hot path).
  const deadlines = pathwayDeadlines(screening.result, completedAt);
  const recipients = screening.result === "acute_positive" ? (await acuteRecipients(tx, screening)).filter((id) => id !== args.user.id) : [];
  if (recipients.length > 0) {
    await tx.screeningAlert.createMany({
      data: recipients.map((recipientUserId) => ({ id: newId(), screeningId: screening.id, recipientUserId, kind: "acute", createdAt: completedAt })),
    });
  }
  const actions = suggestedActions(screening.findings);
  if (actions.length > 0) {
    await tx.screeningAction.createMany({
      data: actions.map((action) => ({
        id: newId(),
        screeningId: screening.id,
        kind: action.kind,
        finding: action.finding,
        userId: args.user.id,
        createdAt: completedAt,
      })),
    });
  }
  const notifications: Notification[] = recipients.map((to) => ({ to, kind: "acute", link: screeningHref(screening.id) }));
  return {
    alertRecipients: recipients,
    assessmentDueAt: deadlines.assessmentDueAt,
    rescreenDueAt: deadlines.rescreenDueAt,
    actions: actions.length,
    notifications,
    async afterCommit(options = {}) {
      // The audit event and the external hook do not depend on each other: both at once.
      const audited =
        args.user.username && args.user.roles && args.user.agency
          ? recordAudit({
              actor: auditActor(args.user as AuthorizedUser),
              action: "screening.pathway_start",
              decision: "allowed",
              record: { type: "screening", id: screening.id },
              fields: ["assessmentDueAt", "rescreenDueAt", "alerts", "actions"],
              purpose: `alerts:${recipients.length};actions:${actions.length}`,
              context: args.context,
            })
          : Promise.resolve();
      await Promise.all([audited, deliverAll(options.notifier ?? externalNotifier(), notifications)]);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Scope facts and authorisation
// ---------------------------------------------------------------------------------------

export const PATHWAY_FACTS_SELECT = {
  id: true,
  personId: true,
  schoolAgencyId: true,
  territoryId: true,
  screenerUserId: true,
  status: true,
  result: true,
  findings: true,
  completedAt: true,
  checklistCompletedAt: true,
  assessmentDueAt: true,
  assessmentDoneAt: true,
  rescreenDueAt: true,
  version: true,
} as const;

export type PathwayFacts = PathwayScopeFacts & {
  personId: string;
  result: ScreeningResultCode | null;
  findings: string[];
  completedAt: Date | null;
  checklistCompletedAt: Date | null;
  assessmentDueAt: Date | null;
  assessmentDoneAt: Date | null;
  rescreenDueAt: Date | null;
  version: number;
};

export async function loadPathwayFacts(screeningId: string): Promise<PathwayFacts | null> {
  const prisma = await getPrisma();
  const [screening, assignments, targets] = await Promise.all([
    prisma.screening.findUnique({ where: { id: screeningId }, select: PATHWAY_FACTS_SELECT }),
    prisma.screeningAssignment.findMany({ where: { screeningId, removedAt: null }, select: { userId: true } }),
    prisma.screeningAction.findMany({ where: { screeningId, targetUserId: { not: null }, takenAt: { not: null } }, select: { targetUserId: true } }),
  ]);
  if (!screening) return null;
  return {
    ...screening,
    status: screening.status as PathwayFacts["status"],
    result: screening.result as ScreeningResultCode | null,
    assignedUserIds: assignments.map((a) => a.userId),
    referralTargetIds: targets.map((t) => t.targetUserId).filter((id): id is string => id !== null),
  };
}

export type PathwayAction = "read_status" | "read_content" | "record_checklist" | "record_assessment" | "act";

/** The screening's facts if the user may do `action` on a completed screening; otherwise an audited 404. */
export async function authorizePathway(user: AuthorizedUser, context: Context, screeningId: string, action: PathwayAction): Promise<PathwayFacts> {
  const facts = await loadPathwayFacts(screeningId);
  if (!facts || facts.status !== "completed" || !pathwayAccess(actorOf(user), facts).includes(action)) {
    return deny(user, context, { type: "screening", id: screeningId }, `pathway:${action}`);
  }
  return facts;
}

// ---------------------------------------------------------------------------------------
// The state of the pathway, for the result page and the pathway pages
// ---------------------------------------------------------------------------------------

export type PathwayActionView = {
  id: string;
  kind: ActionKind;
  finding: string;
  takenAt: string | null;
  dismissedAt: string | null;
  targetDisplayName: string | null;
  reasonRequired: boolean;
  planHref: string | null;
};

export type PathwayState = {
  screeningId: string;
  /** "content": may see the pathway in full; "status": "screening on file, follow-up due/done" only. */
  access: "content" | "status";
  result: ScreeningResultCode | null;
  checklist: null | {
    required: true;
    completedAt: string | null;
    /** Content viewers only: which items are done and when. */
    items: SafetyChecklist | null;
    mayRecord: boolean;
  };
  /**
   * The follow-up assessment. Status viewers get due/overdue/done only, never the times: the due
   * time is 24 h after an acute result and 72 h after a non-acute one, so it would tell the result.
   */
  assessment: null | { dueAt: string | null; doneAt: string | null; done: boolean; overdue: boolean; mayRecord: boolean };
  /** Content viewers only (a re-screen is due only after a positive result). */
  rescreenDueAt: string | null;
  /** Content viewers: an assessment is due but nobody can record it (no psychologist at the school, no clinician assigned). */
  noAssessor: boolean;
  /** Content viewers only. */
  actions: PathwayActionView[];
  mayAct: boolean;
  /** Referrals from this screening addressed to the viewer (status viewers see these). */
  referralsToMe: { kind: ActionKind; takenAt: string }[];
};

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The plan form for a proposal action: the action's id, never its findings, goes in the URL (URLs end up in history and logs). */
export function plansNewHref(personId: string, actionId: string): string {
  return `/plans/new?personId=${encodeURIComponent(personId)}&fromScreeningAction=${encodeURIComponent(actionId)}`;
}

/**
 * What the viewer may know of the pathway (the core result page renders it with PathwayPanel).
 * Status viewers get dates and done/not done only; content viewers also the checklist items
 * (decrypted) and the actions. Audited as `screening.pathway_read` with the fields shown.
 */
export async function pathwayStateFor(args: { user: AuthorizedUser; screeningId: string; context?: Context; now?: Date }): Promise<PathwayState> {
  const now = args.now ?? new Date();
  const facts = await authorizePathway(args.user, args.context, args.screeningId, "read_status");
  const actor = actorOf(args.user);
  const access = pathwayAccess(actor, facts);
  const content = access.includes("read_content");
  const prisma = await getPrisma();
  const [checklistRow, actions, referralsToMe] = await Promise.all([
    content && facts.result === "acute_positive"
      ? prisma.screening.findUniqueOrThrow({ where: { id: facts.id }, select: { id: true, safetyChecklist: true } })
      : null,
    content
      ? prisma.screeningAction.findMany({
          where: { screeningId: facts.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, kind: true, finding: true, takenAt: true, dismissedAt: true, targetUserId: true },
        })
      : [],
    prisma.screeningAction.findMany({
      where: { screeningId: facts.id, targetUserId: actor.id, takenAt: { not: null } },
      select: { kind: true, takenAt: true },
    }),
  ]);
  const assessmentOpen = facts.assessmentDueAt !== null && facts.assessmentDoneAt === null;
  const noAssessor = content && assessmentOpen && facts.assignedUserIds.length === 0 && !(await schoolHasPsychologist(facts.schoolAgencyId));
  const targetIds = [...new Set(actions.map((a) => a.targetUserId).filter((id): id is string => id !== null))];
  const targets = targetIds.length > 0 ? await prisma.user.findMany({ where: { id: { in: targetIds } }, select: { id: true, displayName: true } }) : [];
  const targetName = new Map(targets.map((t) => [t.id, t.displayName]));
  // Status viewers are shown the follow-up's state only (no times, no re-screening date).
  const fields = content
    ? ["assessmentDueAt", "assessmentDoneAt", "rescreenDueAt", "result", "checklistCompletedAt", "safetyChecklist", "actions"]
    : ["followUpStatus"];
  await recordAudit({
    actor: auditActor(args.user),
    action: "screening.pathway_read",
    decision: "allowed",
    record: { type: "screening", id: facts.id },
    fields,
    purpose: content ? "pathway:content" : "pathway:status",
    context: args.context,
  });
  return {
    screeningId: facts.id,
    access: content ? "content" : "status",
    result: content ? facts.result : null,
    // Whether a checklist exists would tell the result (acute): status viewers do not get it.
    checklist:
      content && facts.result === "acute_positive"
        ? {
            required: true,
            completedAt: iso(facts.checklistCompletedAt),
            items: content ? parseChecklist(checklistRow?.safetyChecklist) : null,
            mayRecord: access.includes("record_checklist") && !facts.checklistCompletedAt,
          }
        : null,
    assessment: facts.assessmentDueAt
      ? {
          dueAt: content ? facts.assessmentDueAt.toISOString() : null,
          doneAt: content ? iso(facts.assessmentDoneAt) : null,
          done: facts.assessmentDoneAt !== null,
          overdue: isAssessmentOverdue(facts, now),
          mayRecord: access.includes("record_assessment"),
        }
      : null,
    rescreenDueAt: content ? iso(facts.rescreenDueAt) : null,
    noAssessor,
    actions: actions.map((action) => ({
      id: action.id,
      kind: action.kind as ActionKind,
      finding: action.finding,
      takenAt: iso(action.takenAt),
      dismissedAt: iso(action.dismissedAt),
      targetDisplayName: action.targetUserId ? (targetName.get(action.targetUserId) ?? null) : null,
      reasonRequired: dismissNeedsReason(action.finding),
      planHref: action.kind === "propose_plan" ? plansNewHref(facts.personId, action.id) : null,
    })),
    mayAct: access.includes("act"),
    referralsToMe: referralsToMe.map((r) => ({ kind: r.kind as ActionKind, takenAt: (r.takenAt as Date).toISOString() })),
  };
}

/** The school's active psychologist accounts (ids in a stable order). */
export async function schoolPsychologists(client: Pick<AppTransaction, "user">, schoolAgencyId: string): Promise<string[]> {
  // Roles are filtered in JS: `roles: { has }` does not survive the PGlite adapter.
  const staff = await client.user.findMany({
    where: { agencyId: schoolAgencyId, status: "active" },
    select: { id: true, roles: true },
    orderBy: { id: "asc" },
  });
  return staff.filter((user) => user.roles.includes("school_psychologist")).map((user) => user.id);
}

/** Does the school have an active school psychologist account (who can record the assessment)? */
async function schoolHasPsychologist(schoolAgencyId: string): Promise<boolean> {
  return (await schoolPsychologists(await getPrisma(), schoolAgencyId)).length > 0;
}

export { checklistComplete };
export type { Actor };

/** The latest safety assessment's clear facts (triage level and time), for the assessor's confirmation. */
export async function lastAssessmentOf(screeningId: string): Promise<{ triage: "low" | "moderate" | "high"; assessedAt: string } | null> {
  const prisma = await getPrisma();
  const row = await prisma.safetyAssessment.findFirst({
    where: { screeningId },
    orderBy: [{ assessedAt: "desc" }, { id: "asc" }],
    select: { triage: true, assessedAt: true },
  });
  return row ? { triage: row.triage, assessedAt: row.assessedAt.toISOString() } : null;
}
