import { getPrisma } from "~/server/db.server";

/** The officers an order may be handed to: active police officers of a police department in the order's district. */
export type OfficerChoice = { id: string; displayName: string; agency: { nameRu: string; nameKy: string; nameEn: string } };

/** Active police officers of the district's police departments, except the one responsible now. */
export async function districtOfficers(territoryId: string, exceptUserId?: string): Promise<OfficerChoice[]> {
  const prisma = await getPrisma();
  // Roles are filtered here, not in SQL: `roles: { has }` does not survive the PGlite adapter. One district's staff.
  const users = await prisma.user.findMany({
    where: { status: "active", agency: { territoryId, type: "police_department" }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true, displayName: true, roles: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return users.filter((user) => user.roles.includes("police_officer")).map(({ id, displayName, agency }) => ({ id, displayName, agency }));
}
