// Support plans: the choices the plan forms offer (users, agencies, districts); the commands check them again.
import { getPrisma } from "~/server/db.server";
import type { RoleName } from "~policies/roles";
import { mayJoinPlans, mayLeadPlans } from "~policies/support-plan.policy";
import { activeTeam, type PlanFacts } from "./plan-facts.server";

type Names = { nameRu: string; nameKy: string; nameEn: string };

export type UserChoice = { id: string; displayName: string; agencyId: string; agency: Names };
export type AgencyChoice = { id: string } & Names;

/** Casework users of the plan's district who are not yet on the team. */
export async function memberChoices(facts: PlanFacts): Promise<UserChoice[]> {
  const prisma = await getPrisma();
  const active = new Set(activeTeam(facts));
  const users = await prisma.user.findMany({
    where: { status: "active", agency: { territoryId: facts.territoryId, status: "active" } },
    select: { id: true, displayName: true, roles: true, agencyId: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
    orderBy: [{ agencyId: "asc" }, { displayName: "asc" }],
    take: 500,
  });
  return users.filter((u) => !active.has(u.id) && mayJoinPlans(u.roles as RoleName[])).map(({ roles: _roles, ...u }) => u);
}

/** Agencies that can be responsible for a goal: the district's and the team's. */
export async function goalAgencyChoices(facts: PlanFacts): Promise<AgencyChoice[]> {
  const prisma = await getPrisma();
  const teamAgencies = [facts.leadAgencyId, ...facts.members.filter((m) => m.removedAt === null).map((m) => m.agencyId)];
  return prisma.agency.findMany({
    where: { status: "active", OR: [{ territoryId: facts.territoryId }, { id: { in: teamAgencies } }] },
    select: { id: true, nameRu: true, nameKy: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}

/** The lead and active members: who can be responsible for a goal. */
export async function teamChoices(facts: PlanFacts): Promise<UserChoice[]> {
  const prisma = await getPrisma();
  return prisma.user.findMany({
    where: { id: { in: activeTeam(facts) } },
    select: { id: true, displayName: true, agencyId: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
    orderBy: { displayName: "asc" },
  });
}

/** Lead-capable users in other districts: transfer targets. */
export async function transferChoices(facts: PlanFacts): Promise<UserChoice[]> {
  const prisma = await getPrisma();
  const users = await prisma.user.findMany({
    where: {
      status: "active",
      roles: { hasSome: ["juvenile_inspector", "social_worker"] },
      agency: { status: "active", territoryId: { not: facts.territoryId } },
    },
    select: { id: true, displayName: true, roles: true, agencyId: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
    orderBy: [{ agencyId: "asc" }, { displayName: "asc" }],
    take: 500,
  });
  return users.filter((u) => mayLeadPlans(u.roles as RoleName[])).map(({ roles: _roles, ...u }) => u);
}

/** Districts and cities (where a child may have moved). */
export async function districtChoices(): Promise<AgencyChoice[]> {
  const prisma = await getPrisma();
  return prisma.territory.findMany({
    where: { kind: { in: ["district", "city"] } },
    select: { id: true, nameRu: true, nameKy: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}
