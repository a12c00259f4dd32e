import { getPrisma } from "~/server/db.server";

/** The officers an order may be handed to: active police officers of a police department in the order's district. */
export type OfficerChoice = { id: string; displayName: string; agency: { nameRu: string; nameKy: string; nameEn: string } };

/** Active police officers of the district's police departments, except the one responsible now. */
export async function districtOfficers(territoryId: string, exceptUserId?: string): Promise<OfficerChoice[]> {
  const prisma = await getPrisma();
  return prisma.user.findMany({
    where: {
      status: "active",
      roles: { has: "police_officer" },
      agency: { territoryId, type: "police_department" },
      ...(exceptUserId ? { id: { not: exceptUserId } } : {}),
    },
    select: { id: true, displayName: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
}
