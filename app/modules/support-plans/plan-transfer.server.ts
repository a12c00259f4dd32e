// Support plans: hand a plan to a lead worker in another district.
import { fieldError, type CommandResult } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { getPrisma } from "~/server/db.server";
import type { RoleName } from "~policies/roles";
import { mayLeadPlans } from "~policies/support-plan.policy";
import { authorizePlan } from "./plan-facts.server";
import { auditPlan, chronology, planAt, planConflict, type PlanArgs } from "./plan-write.server";

/** Hand the plan to a lead in another district: lead, agency and territory change; the chronology keeps the history. */
export async function transferPlan(args: PlanArgs<{ version: number; leadUserId: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "transfer");
  const prisma = await getPrisma();
  const target = await prisma.user.findUnique({
    where: { id: args.input.leadUserId },
    select: { id: true, status: true, roles: true, agencyId: true, agency: { select: { territoryId: true, status: true } } },
  });
  if (!target || target.status !== "active" || target.agency.status !== "active" || !mayLeadPlans(target.roles as RoleName[])) {
    return fieldError("leadUserId", "plan.error.transferTarget");
  }
  if (target.agency.territoryId === facts.territoryId) return fieldError("leadUserId", "plan.error.sameTerritory");
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({
      where: { id: facts.id },
      data: { leadUserId: target.id, leadAgencyId: target.agencyId, territoryId: target.agency.territoryId },
    });
    await chronology(tx, facts, args, "support_plan.transferred");
  });
  if (!ok) return planConflict(args, facts.id, ["leadUserId", "territoryId"]);
  await auditPlan(
    args,
    "support_plan.transfer",
    facts.id,
    ["leadUserId", "leadAgencyId", "territoryId"],
    `from:${facts.territoryId};to:${target.agency.territoryId}`,
  );
  return { ok: true, id: facts.id };
}
