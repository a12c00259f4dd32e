// Assigned clinicians: who may be assigned to a screening, and assigning one (which opens its content to them).
import { recordAuditor } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { formError, type CommandResult } from "~/kit/results";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import type { RoleName } from "~policies/roles";
import { mayBeAssignedClinician } from "~policies/screening.policy";
import { authorizeScreening } from "./screening-facts.server";

const audit = recordAuditor("screening");

/**
 * Who may be assigned: active school psychologists of the district's schools and service
 * providers of its health/NGO/crisis agencies (mayBeAssignedClinician) — never school staff.
 */
export async function clinicianChoices(args: Caller & { screeningId: string }): Promise<{ id: string; displayName: string }[]> {
  const facts = await authorizeScreening(args, args.screeningId, "assign_clinician");
  const prisma = await getPrisma();
  const users = await prisma.user.findMany({
    where: { status: "active", agency: { territoryId: facts.territoryId, status: "active" }, id: { notIn: [...facts.assignedUserIds, facts.screenerUserId] } },
    select: { id: true, displayName: true, roles: true, agency: { select: { type: true } } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return users.filter((user) => mayBeAssignedClinician(user.roles as RoleName[], user.agency.type)).map(({ id, displayName }) => ({ id, displayName }));
}

export async function assignClinician(args: Caller & { screeningId: string; userId: string }): Promise<CommandResult<object>> {
  const choices = await clinicianChoices(args);
  if (!choices.some((choice) => choice.id === args.userId)) return formError("screening.error.clinician");
  const prisma = await getPrisma();
  await prisma.screeningAssignment.create({ data: { id: newId(), screeningId: args.screeningId, userId: args.userId, assignedById: args.user.id } });
  await audit(args, "screening.assign_clinician", args.screeningId, ["assignedClinicians"], `user:${args.userId}`);
  return { ok: true };
}
