// Support plans: reviews and closure — record a review, request closure, the supervisor's decision, reopen.
import { callerActor, type Caller } from "~/kit/request.server";
import { fieldError, type CommandResult, type Refusal } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { mayActOnPlan } from "~policies/support-plan.policy";
import { authorizePlan, type PlanFacts } from "./plan-facts.server";
import { auditPlan, chronology, dayDate, planAt, planConflict, type PlanArgs } from "./plan-write.server";
import { addMonths, todayIso, type ClosureRequestInput, type ReviewInput } from "./support-plans.schema";

/** Closure rules shared by the closure request and a review that asks for closure. */
async function checkClosure(facts: PlanFacts, input: Pick<ClosureRequestInput, "closureReason" | "transferTerritoryId">): Promise<Refusal | null> {
  const prisma = await getPrisma();
  if (input.closureReason === "rehabilitated") {
    const open = await prisma.supportPlanGoal.count({ where: { planId: facts.id, status: { in: ["planned", "in_progress"] } } });
    const all = await prisma.supportPlanGoal.count({ where: { planId: facts.id } });
    if (open > 0 || all === 0) return fieldError("closureReason", "plan.error.goalsNotAssessed");
  }
  if (input.closureReason === "moved") {
    const territory = input.transferTerritoryId
      ? await prisma.territory.findUnique({ where: { id: input.transferTerritoryId }, select: { id: true, kind: true } })
      : null;
    if (!territory || (territory.kind !== "district" && territory.kind !== "city")) return fieldError("transferTerritoryId", "plan.error.unknownTerritory");
    if (territory.id === facts.territoryId) return fieldError("transferTerritoryId", "plan.error.sameTerritory");
  }
  return null;
}

type ClosureChoice = Pick<ClosureRequestInput, "closureReason" | "closureJustification" | "transferTerritoryId">;

/** The district the child moved to: kept only with the reason "moved" (checked by checkClosure). */
const closureTarget = (input: ClosureChoice) => (input.closureReason === "moved" ? input.transferTerritoryId : null);

const closureData = (user: { id: string }, input: ClosureChoice) => ({
  status: "closure_requested" as const,
  closureReason: input.closureReason,
  closureJustification: input.closureJustification,
  closureTransferTerritoryId: closureTarget(input),
  closureRequestedAt: new Date(),
  closureRequestedById: user.id,
  closureDecisionComment: null,
});

/** The closure request's audit: field names, and the target district's id (not case content) as purpose. */
function auditClosureRequest(caller: Caller, planId: string, input: ClosureChoice) {
  const target = closureTarget(input);
  const fields = [
    "status",
    "closureReason",
    ...(input.closureJustification ? ["closureJustification"] : []),
    ...(target ? ["closureTransferTerritoryId"] : []),
  ];
  return auditPlan(caller, "support_plan.closure_request", planId, fields, target ? `moved-to:${target}` : undefined);
}

/** Everything a closure request wrote, cleared again (returned or reopened). */
const CLEARED_CLOSURE = {
  closureReason: null,
  closureJustification: null,
  closureTransferTerritoryId: null,
  closureRequestedAt: null,
  closureRequestedById: null,
} as const;

/** A review sets the next due date; the lead's "request closure" decision starts the closure request. */
export async function recordReview(args: PlanArgs<ReviewInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "record_review");
  const input = args.input;
  const requestsClosure = input.decision === "request_closure";
  if (requestsClosure) {
    if (facts.status !== "active" || !mayActOnPlan(callerActor(args), "request_closure", facts)) return fieldError("decision", "plan.error.closureLeadOnly");
    const problem = await checkClosure(facts, { closureReason: input.closureReason!, transferTerritoryId: input.transferTerritoryId });
    if (problem) return problem;
  }
  const reviewId = newId();
  const nextReviewDue = dayDate(addMonths(input.reviewedOn, facts.reviewIntervalMonths));
  const ok = await writeAtVersion(planAt(facts.id, input.version), async (tx) => {
    await tx.supportPlanReview.create({
      data: {
        id: reviewId,
        planId: facts.id,
        reviewedOn: dayDate(input.reviewedOn),
        progressNote: input.progressNote,
        riskRating: input.riskRating,
        decision: input.decision,
        authorUserId: args.user.id,
      },
    });
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: requestsClosure
        ? {
            nextReviewDue,
            ...closureData(args.user, {
              closureReason: input.closureReason!,
              closureJustification: input.closureJustification,
              transferTerritoryId: input.transferTerritoryId,
            }),
          }
        : { nextReviewDue },
    });
    await chronology(tx, facts, args, "support_plan.review_recorded");
    if (requestsClosure) await chronology(tx, facts, args, "support_plan.closure_requested");
  });
  if (!ok) return planConflict(args, facts.id, ["nextReviewDue"]);
  await auditPlan(args, "support_plan.review", facts.id, ["reviewedOn", "progressNote", "riskRating", "decision", "nextReviewDue"], `review:${reviewId}`);
  if (requestsClosure)
    await auditClosureRequest(args, facts.id, {
      closureReason: input.closureReason!,
      closureJustification: input.closureJustification,
      transferTerritoryId: input.transferTerritoryId,
    });
  return { ok: true, id: reviewId };
}

export async function requestClosure(args: PlanArgs<ClosureRequestInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "request_closure");
  const problem = await checkClosure(facts, args.input);
  if (problem) return problem;
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data: closureData(args.user, args.input) });
    await chronology(tx, facts, args, "support_plan.closure_requested");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditClosureRequest(args, facts.id, args.input);
  return { ok: true, id: facts.id };
}

/** The district supervisor (four eyes) approves: the plan is closed; nothing else ends a plan. */
export async function approveClosure(args: PlanArgs<{ version: number; comment: string | null }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "decide_closure");
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: { status: "closed", closedAt: new Date(), closedById: args.user.id, closureDecisionComment: args.input.comment, nextReviewDue: null },
    });
    await chronology(tx, facts, args, "support_plan.closure_approved");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditPlan(args, "support_plan.closure_approve", facts.id, ["status", "closedAt", ...(args.input.comment ? ["closureDecisionComment"] : [])]);
  return { ok: true, id: facts.id };
}

/** Returned with a comment: the plan is active again and the request is cleared. */
export async function returnClosure(args: PlanArgs<{ version: number; comment: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "decide_closure");
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: { status: "active", ...CLEARED_CLOSURE, closureDecisionComment: args.input.comment },
    });
    await chronology(tx, facts, args, "support_plan.closure_returned");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditPlan(args, "support_plan.closure_return", facts.id, ["status", "closureDecisionComment"]);
  return { ok: true, id: facts.id };
}

export async function reopenPlan(args: PlanArgs<{ version: number }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "reopen");
  const nextReviewDue = dayDate(addMonths(todayIso(), facts.reviewIntervalMonths));
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: {
        status: "active",
        closedAt: null,
        closedById: null,
        ...CLEARED_CLOSURE,
        closureDecisionComment: null,
        nextReviewDue,
      },
    });
    await chronology(tx, facts, args, "support_plan.reopened");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditPlan(args, "support_plan.reopen", facts.id, ["status", "closedAt", "closureReason", "nextReviewDue"]);
  return { ok: true, id: facts.id };
}
