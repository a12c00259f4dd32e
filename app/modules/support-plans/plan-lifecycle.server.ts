// Support plans: a plan's life from opening to activation — open or propose, accept a proposal, activate, edit.
import { auditBy } from "~/kit/audit.server";
import { callerActor, type CommandArgs } from "~/kit/request.server";
import { fieldError, type CommandResult } from "~/kit/results";
import { writeAtVersion } from "~/kit/version.server";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { mayActOnPerson } from "~policies/person.policy";
import { mayActOnPlan } from "~policies/support-plan.policy";
import { authorizePlan } from "./plan-facts.server";
import { auditPlan, chronology, dayDate, planAt, planConflict, type PlanArgs } from "./plan-write.server";
import { addMonths, todayIso, type EditPlanInput, type OpenPlanInput } from "./support-plans.schema";

const narrativeFields = (input: { groundsOther: string | null; parentInvolvement: string | null; childView: string | null }) =>
  (["groundsOther", "parentInvolvement", "childView"] as const).filter((field) => input[field] !== null);

/** Open a plan (inspector, social worker: they lead it) or a proposal (pedagogue). */
export async function openPlan(args: CommandArgs<OpenPlanInput>): Promise<CommandResult> {
  const actor = callerActor(args);
  const mode = mayActOnPlan(actor, "open", null) ? "open" : mayActOnPlan(actor, "propose", null) ? "propose" : null;
  if (!mode) return deny(args.user, args.context, { type: "area", id: "plans.new" });
  const prisma = await getPrisma();
  const person = await prisma.person.findUnique({
    where: { id: args.input.personId },
    select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true },
  });
  if (!person || person.mergedIntoId !== null || !mayActOnPerson(actor, "read", person)) {
    // Unknown and out of scope look the same to the user; the attempt is audited.
    await auditBy(args, {
      action: "record.read_denied",
      decision: "denied",
      record: { type: "person", id: args.input.personId },
      purpose: "support_plan.open",
    });
    return fieldError("personId", "plan.error.unknownPerson");
  }
  const planId = newId();
  const { personId: _personId, ...content } = args.input;
  await prisma.$transaction(async (tx) => {
    await tx.supportPlan.create({
      data: {
        id: planId,
        personId: person.id,
        status: "draft",
        isProposal: mode === "propose",
        ...content,
        // A proposal is held by its proposer until a lead accepts it.
        leadUserId: actor.id,
        leadAgencyId: actor.agencyId,
        territoryId: actor.territoryId,
        createdById: actor.id,
      },
    });
    await chronology(tx, { id: planId, personId: person.id }, args, mode === "open" ? "support_plan.opened" : "support_plan.proposed");
  });
  await auditPlan(args, mode === "open" ? "support_plan.open" : "support_plan.propose", planId, [
    "grounds",
    "reviewIntervalMonths",
    ...narrativeFields(content),
  ]);
  return { ok: true, id: planId };
}

/** A lead worker of the district takes over a pedagogue's proposal; the proposer joins the team. */
export async function acceptProposal(args: PlanArgs<{ version: number; proposerRole: string }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "accept");
  const actor = callerActor(args);
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data: { isProposal: false, leadUserId: actor.id, leadAgencyId: actor.agencyId } });
    await tx.supportPlanMember.create({
      data: { id: newId(), planId: facts.id, userId: facts.leadUserId, agencyId: facts.leadAgencyId, roleInPlan: args.input.proposerRole, addedById: actor.id },
    });
    await chronology(tx, facts, args, "support_plan.accepted");
  });
  if (!ok) return planConflict(args, facts.id, ["isProposal", "leadUserId"]);
  await auditPlan(args, "support_plan.accept", facts.id, ["isProposal", "leadUserId", "leadAgencyId", "members.roleInPlan"]);
  return { ok: true, id: facts.id };
}

/** Draft → active; the first review falls due after the plan's interval. */
export async function activatePlan(args: PlanArgs<{ version: number }>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "activate");
  const nextReviewDue = dayDate(addMonths(todayIso(), facts.reviewIntervalMonths));
  const ok = await writeAtVersion(planAt(facts.id, args.input.version), async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data: { status: "active", nextReviewDue } });
    await chronology(tx, facts, args, "support_plan.activated");
  });
  if (!ok) return planConflict(args, facts.id, ["nextReviewDue"]);
  await auditPlan(args, "support_plan.activate", facts.id, ["status", "nextReviewDue"]);
  return { ok: true, id: facts.id };
}

/** Grounds, the family's involvement, the child's view and the review interval. */
export async function editPlan(args: PlanArgs<EditPlanInput>): Promise<CommandResult> {
  const facts = await authorizePlan(args, args.planId, "update");
  const { version, ...data } = args.input;
  const ok = await writeAtVersion(planAt(facts.id, version), async (tx) => {
    await tx.supportPlan.update({ where: { id: facts.id }, data });
  });
  const fields = ["grounds", "groundsOther", "parentInvolvement", "childView", "reviewIntervalMonths"];
  if (!ok) return planConflict(args, facts.id, fields);
  await auditPlan(args, "support_plan.update", facts.id, fields);
  return { ok: true, id: facts.id };
}
