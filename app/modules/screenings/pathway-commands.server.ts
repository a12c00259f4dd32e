// Pathway commands: the acute safety checklist, the safety assessment, taking or dismissing a suggested action (and the choices their forms offer).
import { recordChronology } from "~/modules/chronology/chronology.server";
import { recordAuditor } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { fieldError, type CommandResult } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { actorOf, deny, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma, type AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { deliverAll, externalNotifier, type Notifier } from "~/server/notify/notifier.server";
import type { Actor } from "~policies/roles";
import { mayActOnPlan } from "~policies/support-plan.policy";
import { currentInstrument, type InstrumentVersionRow } from "./instrument-versions.server";
import {
  applyChecklist,
  assessmentAnswers,
  dismissNeedsReason,
  DISMISS_REASON_MIN,
  parseChecklist,
  planGroundsFor,
  REFERRAL_ROLE,
  triage,
  type ReferralKind,
  type Triage,
} from "./pathway-rules";
import type { ActionFormInput, AssessmentFormInput, ChecklistFormInput } from "./pathways.schema";
import { authorizePathway, type PathwayFacts } from "./pathway-facts.server";
import { screeningHref } from "./pathway-start.server";
import { screeningChanged } from "./screening-facts.server";
import { plansNewHref } from "./pathway-state.server";

/**
 * Pathway commands: the acute safety checklist, the safety assessment, taking or dismissing a
 * suggested action. Each: authorise (audited 404) → validate → one transaction that first moves
 * the screening's version (a second writer holding an old version changes nothing) → chronology
 * in the same transaction → audit (field names, never values) after commit.
 */

/** What a pathway command returns: the record written and, for a plan proposal, where to continue. */
export type PathwayResult = CommandResult<{ id: string; next?: string }>;

/** A second writer held an old version: nothing was written (409, "someone saved this meanwhile"). */
const conflict = (facts: PathwayFacts) => screeningChanged(facts.id, "pathway.error.conflict");

function chronology(tx: AppTransaction, facts: PathwayFacts, user: AuthorizedUser, kind: string, at: Date) {
  const actor = actorOf(user);
  return recordChronology(
    { personId: facts.personId, recordType: "screening", recordId: facts.id, kind, agencyId: actor.agencyId, authorUserId: actor.id, at },
    tx,
  );
}

const audit = recordAuditor("screening");

// ---------------------------------------------------------------------------------------
// Acute safety checklist
// ---------------------------------------------------------------------------------------

/** Records the ticked items (each at the time it was first recorded); complete when every item is done. */
export async function recordChecklist(
  args: Caller & {
    screeningId: string;
    input: ChecklistFormInput;
    now?: Date;
  },
): Promise<PathwayResult> {
  const facts = await authorizePathway(args, args.screeningId, "record_checklist");
  if (facts.result !== "acute_positive" || facts.checklistCompletedAt) return fieldError("checklist", "pathway.error.checklistClosed");
  const now = args.now ?? new Date();
  const prisma = await getPrisma();
  const row = await prisma.screening.findUniqueOrThrow({ where: { id: facts.id }, select: { id: true, safetyChecklist: true } });
  const { checklist, complete } = applyChecklist(parseChecklist(row.safetyChecklist), args.input, now);
  const ok = await writeAtVersion({ model: "screening", id: facts.id, version: args.input.version }, async (tx) => {
    await tx.screening.update({ where: { id: facts.id }, data: { safetyChecklist: JSON.stringify(checklist), checklistCompletedAt: complete ? now : null } });
    if (complete) await chronology(tx, facts, args.user, "screening.checklist_completed", now);
  });
  if (!ok) return conflict(facts);
  await audit(
    args,
    "screening.checklist",
    facts.id,
    complete ? ["safetyChecklist", "checklistCompletedAt"] : ["safetyChecklist"],
    complete ? "complete" : "partial",
  );
  return { ok: true, id: facts.id };
}

// ---------------------------------------------------------------------------------------
// Safety assessment (C-SSRS screener)
// ---------------------------------------------------------------------------------------

export type AssessmentInstrument = InstrumentVersionRow;

/** The published C-SSRS screener version (newest not retired). */
export function currentAssessmentInstrument(): Promise<AssessmentInstrument | null> {
  return currentInstrument("cssrs-screener");
}

export async function recordAssessment(
  args: Caller & {
    screeningId: string;
    input: AssessmentFormInput;
    now?: Date;
  },
): Promise<PathwayResult & { triage?: Triage }> {
  const facts = await authorizePathway(args, args.screeningId, "record_assessment");
  if (!facts.assessmentDueAt) return fieldError("form", "pathway.error.noAssessmentDue");
  const instrument = await currentAssessmentInstrument();
  // A tampered or retired instrument version is refused: answers only mean something against their version.
  if (!instrument || instrument.id !== args.input.instrumentVersionId) return fieldError("instrumentVersionId", "pathway.error.instrument");
  if (instrument.definition.scoring.type !== "triage") return fieldError("instrumentVersionId", "pathway.error.instrument");
  const parsed = assessmentAnswers(instrument.definition, args.input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  const level = triage(instrument.definition.scoring, parsed.answers);
  const now = args.now ?? new Date();
  const prisma = await getPrisma();
  const assessmentId = newId();
  const current = await prisma.screening.findUniqueOrThrow({ where: { id: facts.id }, select: { version: true } });
  const ok = await writeAtVersion({ model: "screening", id: facts.id, version: current.version }, async (tx) => {
    await tx.safetyAssessment.create({
      data: {
        id: assessmentId,
        screeningId: facts.id,
        assessorUserId: args.user.id,
        instrumentVersionId: instrument.id,
        answers: JSON.stringify(parsed.answers),
        plan: args.input.plan,
        triage: level,
        assessedAt: now,
      },
    });
    if (!facts.assessmentDoneAt) await tx.screening.update({ where: { id: facts.id }, data: { assessmentDoneAt: now } });
    await chronology(tx, facts, args.user, "screening.assessment_recorded", now);
  });
  if (!ok) return conflict(facts);
  await audit(
    args,
    "screening.assessment",
    facts.id,
    ["answers", "triage", ...(args.input.plan ? ["plan"] : []), "assessmentDoneAt"],
    `assessment:${assessmentId}`,
  );
  return { ok: true, id: assessmentId, triage: level };
}

// ---------------------------------------------------------------------------------------
// Suggested actions: referrals, support-plan proposal, dismissal
// ---------------------------------------------------------------------------------------

export type ReferralChoice = { id: string; displayName: string; agency: { nameRu: string; nameKy: string; nameEn: string } };

/** Users of the referral's role in the screening's district (active accounts and agencies). */
export async function referralChoices(territoryId: string, kind: ReferralKind): Promise<ReferralChoice[]> {
  const prisma = await getPrisma();
  // Roles filtered here (`roles: { has }` does not survive the PGlite adapter): one district's staff.
  const users = await prisma.user.findMany({
    where: { status: "active", agency: { territoryId, status: "active" } },
    select: { id: true, displayName: true, roles: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return users.filter((user) => user.roles.includes(REFERRAL_ROLE[kind])).map(({ roles: _roles, ...user }) => user);
}

/**
 * Takes a suggested action. A referral names its recipient (a user of that role in the
 * district), who gets an in-app alert and the external hook — a pointer only; they then see
 * "a referral from a screening" and the follow-up status, never the answers. A support-plan
 * proposal is marked taken and continues at /plans/new with the grounds pre-filled.
 */
export async function takeAction(
  args: Caller & {
    screeningId: string;
    input: Extract<ActionFormInput, { intent: "take" }>;
    now?: Date;
    notifier?: Notifier;
  },
): Promise<PathwayResult> {
  const facts = await authorizePathway(args, args.screeningId, "act");
  const prisma = await getPrisma();
  const action = await prisma.screeningAction.findFirst({
    where: { id: args.input.actionId, screeningId: facts.id },
    select: { id: true, kind: true, finding: true, takenAt: true, dismissedAt: true },
  });
  if (!action) return fieldError("actionId", "pathway.error.unknownAction");
  if (action.takenAt || action.dismissedAt) return fieldError("actionId", "pathway.error.actionClosed");
  const now = args.now ?? new Date();
  // Only someone who may propose or open a plan takes the proposal (else the plan form would be a 404).
  if (action.kind === "propose_plan" && !mayStartPlan(actorOf(args.user))) return fieldError("actionId", "pathway.error.planNotAllowed");
  let targetUserId: string | null = null;
  if (action.kind !== "propose_plan") {
    const kind = action.kind as ReferralKind;
    if (!(kind in REFERRAL_ROLE)) return fieldError("actionId", "pathway.error.unknownAction");
    const choices = await referralChoices(facts.territoryId, kind);
    const target = choices.find((choice) => choice.id === args.input.targetUserId);
    if (!target) return fieldError("targetUserId", "pathway.error.target");
    targetUserId = target.id;
  }
  // Conditional update: two clicks (or two people) cannot take the same action twice.
  let taken = false;
  await prisma.$transaction(async (tx) => {
    const moved = await tx.screeningAction.updateMany({ where: { id: action.id, takenAt: null, dismissedAt: null }, data: { takenAt: now, targetUserId } });
    if (moved.count !== 1) return;
    taken = true;
    if (targetUserId)
      await tx.screeningAlert.create({ data: { id: newId(), screeningId: facts.id, recipientUserId: targetUserId, kind: "referral", createdAt: now } });
    await chronology(tx, facts, args.user, "screening.action_taken", now);
  });
  if (!taken) return fieldError("actionId", "pathway.error.actionClosed");
  await audit(args, "screening.action_take", facts.id, targetUserId ? ["takenAt", "targetUserId"] : ["takenAt"], `action:${action.id};kind:${action.kind}`);
  if (targetUserId) await deliverAll(args.notifier ?? externalNotifier(), [{ to: targetUserId, kind: "referral", link: screeningHref(facts.id) }]);
  const next = action.kind === "propose_plan" ? plansNewHref(facts.personId, action.id) : undefined;
  return { ok: true, id: action.id, next };
}

/** May this actor start a support plan (a pedagogue's proposal, or an inspector's or social worker's plan)? */
export function mayStartPlan(actor: Actor): boolean {
  return mayActOnPlan(actor, "propose", null) || mayActOnPlan(actor, "open", null);
}

/**
 * The grounds a screening's support-plan proposal pre-fills on /plans/new (`fromScreeningAction`):
 * read on the server for someone who may act on that screening and only for the same child;
 * anything else (no such proposal, another child's, a screening out of scope) is an audited 404.
 */
export async function proposalGrounds(args: Caller & { actionId: string; personId: string }): Promise<string[]> {
  const prisma = await getPrisma();
  const action = await prisma.screeningAction.findUnique({ where: { id: args.actionId }, select: { id: true, kind: true, finding: true, screeningId: true } });
  if (!action || action.kind !== "propose_plan") return deny(args.user, args.context, { type: "screening_action", id: args.actionId }, "plan-proposal");
  const facts = await authorizePathway(args, action.screeningId, "act");
  if (facts.personId !== args.personId) return deny(args.user, args.context, { type: "screening_action", id: args.actionId }, "plan-proposal");
  await audit(args, "screening.read", facts.id, ["findings"], `plan-proposal:${action.id}`);
  return planGroundsFor(action.finding);
}

/** Dismisses a suggested action; racket and violence findings need a recorded reason (≥ 10 characters, encrypted). */
export async function dismissAction(
  args: Caller & {
    screeningId: string;
    input: Extract<ActionFormInput, { intent: "dismiss" }>;
    now?: Date;
  },
): Promise<PathwayResult> {
  const facts = await authorizePathway(args, args.screeningId, "act");
  const prisma = await getPrisma();
  const action = await prisma.screeningAction.findFirst({
    where: { id: args.input.actionId, screeningId: facts.id },
    select: { id: true, kind: true, finding: true, takenAt: true, dismissedAt: true },
  });
  if (!action) return fieldError("actionId", "pathway.error.unknownAction");
  if (action.takenAt || action.dismissedAt) return fieldError("actionId", "pathway.error.actionClosed");
  const reason = args.input.reason;
  if (dismissNeedsReason(action.finding) && (!reason || [...reason].length < DISMISS_REASON_MIN)) {
    await audit(args, "screening.action_dismiss", facts.id, ["dismissReason"], `action:${action.id};reason-missing`, "failed");
    return fieldError("reason", "pathway.error.reasonRequired");
  }
  const now = args.now ?? new Date();
  let dismissed = false;
  await prisma.$transaction(async (tx) => {
    const moved = await tx.screeningAction.updateMany({ where: { id: action.id, takenAt: null, dismissedAt: null }, data: { dismissedAt: now } });
    if (moved.count !== 1) return;
    dismissed = true;
    // The reason goes through the encrypting client's update (updateMany would bypass record-bound encryption).
    if (reason) await tx.screeningAction.update({ where: { id: action.id }, data: { dismissReason: reason } });
    await chronology(tx, facts, args.user, "screening.action_dismissed", now);
  });
  if (!dismissed) return fieldError("actionId", "pathway.error.actionClosed");
  await audit(
    args,
    "screening.action_dismiss",
    facts.id,
    reason ? ["dismissedAt", "dismissReason"] : ["dismissedAt"],
    `action:${action.id};kind:${action.kind}`,
  );
  return { ok: true, id: action.id };
}
