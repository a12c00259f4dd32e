// Support plans: the plan's team — add a member, remove one (the row stays as history).
import { fieldError, type CommandResult } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import type { RoleName } from "~policies/roles";
import { mayJoinPlans } from "~policies/support-plan.policy";
import { authorizePlan } from "./plan-facts.server";
import { auditPlan, chronology, planAt, planConflict, type PlanArgs } from "./plan-write.server";

export async function addMember(args: PlanArgs<{ version: number; userId: string; roleInPlan: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "add_member");
  const prisma = await getPrisma();
  const candidate = await prisma.user.findUnique({ where: { id: args.input.userId }, select: { id: true, status: true, roles: true, agencyId: true } });
  if (!candidate || candidate.status !== "active" || !mayJoinPlans(candidate.roles as RoleName[])) return fieldError("userId", "plan.error.unknownUser");
  if (candidate.id === facts.leadUserId || facts.members.some((m) => m.userId === candidate.id && m.removedAt === null)) {
    return fieldError("userId", "plan.error.alreadyMember");
  }
  const memberId = newId();
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlanMember.create({
      data: { id: memberId, planId: facts.id, userId: candidate.id, agencyId: candidate.agencyId, roleInPlan: args.input.roleInPlan, addedById: args.user.id },
    });
    await chronology(tx, facts, args, "support_plan.member_added");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditPlan(args, "support_plan.member_add", facts.id, ["userId", "agencyId", "roleInPlan"], `member:${memberId}`);
  return { ok: true, id: memberId };
}

/** Removal keeps the row (history) and ends access on the member's next request. */
export async function removeMember(args: PlanArgs<{ version: number; memberId: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "remove_member");
  const member = facts.members.find((m) => m.id === args.input.memberId && m.removedAt === null);
  if (!member) return fieldError("memberId", "plan.error.unknownMember");
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlanMember.update({ where: { id: member.id }, data: { removedAt: new Date() } });
    await chronology(tx, facts, args, "support_plan.member_removed");
  });
  if (!ok) return planConflict(args, facts.id, []);
  await auditPlan(args, "support_plan.member_remove", facts.id, ["removedAt"], `member:${member.id}`);
  return { ok: true, id: member.id };
}
