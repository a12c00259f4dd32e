// Reading a pathway for pages: what the viewer may know of checklist, assessment, re-screening and actions, and the last assessment.
import { recordAuditor } from "~/kit/audit.server";
import type { Caller, RequestContext } from "~/kit/request.server";
import { actorOf, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { pathwayAccess } from "./pathway-access";
import { authorizePathway } from "./pathway-facts.server";
import { dismissNeedsReason, isAssessmentOverdue, parseChecklist, type ActionKind, type SafetyChecklist, type ScreeningResultCode } from "./pathway-rules";
import { schoolPsychologists } from "./pathway-start.server";

const audit = recordAuditor("screening");

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
export async function pathwayStateFor(args: { user: AuthorizedUser; screeningId: string; context?: RequestContext; now?: Date }): Promise<PathwayState> {
  const now = args.now ?? new Date();
  const caller: Caller = { user: args.user, context: args.context };
  const facts = await authorizePathway(caller, args.screeningId, "read_status");
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
  await audit(caller, "screening.pathway_read", facts.id, fields, content ? "pathway:content" : "pathway:status");
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

/** Does the school have an active school psychologist account (who can record the assessment)? */
async function schoolHasPsychologist(schoolAgencyId: string): Promise<boolean> {
  return (await schoolPsychologists(await getPrisma(), schoolAgencyId)).length > 0;
}

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
