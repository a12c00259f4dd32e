// Support plans: the plan's goals — add one (plan version), update one (the goal's own version).
import { authorizeRecord } from "~/kit/request.server";
import { fieldError, type CommandResult, type Refusal } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { activeTeam, authorizePlan, type PlanFacts } from "./plan-facts.server";
import { auditPlan, chronology, conflictOf, dayDate, planAt, planConflict, type PlanArgs } from "./plan-write.server";
import type { GoalInput } from "./support-plans.schema";

async function checkGoalReferences(facts: PlanFacts, input: GoalInput): Promise<Refusal | null> {
  const prisma = await getPrisma();
  const agency = await prisma.agency.findUnique({ where: { id: input.responsibleAgencyId }, select: { id: true, status: true } });
  if (!agency || agency.status !== "active") return fieldError("responsibleAgencyId", "plan.error.unknownAgency");
  if (input.responsibleUserId) {
    const team = new Set(activeTeam(facts));
    const user = await prisma.user.findUnique({ where: { id: input.responsibleUserId }, select: { id: true, agencyId: true } });
    if (!user || !team.has(user.id)) return fieldError("responsibleUserId", "plan.error.responsibleUser");
    if (user.agencyId !== agency.id) return fieldError("responsibleUserId", "plan.error.responsibleUserAgency");
  }
  return null;
}

const goalData = (input: GoalInput) => ({
  text: input.text,
  responsibleAgencyId: input.responsibleAgencyId,
  responsibleUserId: input.responsibleUserId,
  dueDate: dayDate(input.dueDate),
  status: input.status,
  notDoneReason: input.status === "not_done" ? input.notDoneReason : null,
});
const GOAL_FIELDS = ["text", "responsibleAgencyId", "responsibleUserId", "dueDate", "status", "notDoneReason"];

/** A new goal carries the plan's version (the goal list is part of the plan). */
export async function addGoal(args: PlanArgs<GoalInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "update");
  const problem = await checkGoalReferences(facts, args.input);
  if (problem) return problem;
  const goalId = newId();
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlanGoal.create({ data: { id: goalId, planId: facts.id, ...goalData(args.input) } });
    await chronology(tx, facts, args, "support_plan.goal_added");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditPlan(
    args,
    "support_plan.goal_add",
    facts.id,
    GOAL_FIELDS.filter((f) => f !== "notDoneReason" || args.input.status === "not_done"),
    `goal:${goalId}`,
  );
  return { ok: true, id: goalId };
}

/** A goal is updated with its own version, so two people can work on different goals at once. */
export async function updateGoal(args: PlanArgs<GoalInput> & { goalId: string }): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "update");
  const prisma = await getPrisma();
  const goal = await authorizeRecord(
    args,
    { type: "support_plan_goal", id: args.goalId },
    () => prisma.supportPlanGoal.findFirst({ where: { id: args.goalId, planId: facts.id }, select: { id: true } }),
    () => true,
  );
  const problem = await checkGoalReferences(facts, args.input);
  if (problem) return problem;
  const ok = await writeAtVersion(planAt(goal.id, args.input.version, "supportPlanGoal"), async (tx) => {
    await tx.supportPlanGoal.update({ where: { id: goal.id }, data: goalData(args.input) });
    await chronology(tx, facts, args, "support_plan.goal_updated");
  });
  if (!ok) return conflictOf(args, { model: "supportPlanGoal", type: "support_plan_goal", id: goal.id }, GOAL_FIELDS);
  await auditPlan(args, "support_plan.goal_update", facts.id, GOAL_FIELDS, `goal:${goal.id}`);
  return { ok: true, id: goal.id };
}
