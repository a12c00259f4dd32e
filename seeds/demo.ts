import type { PrismaClient } from "~/generated/prisma/client.ts";
import { AgencyType } from "~/generated/prisma/client.ts";
import { AGENCY_NAMES, DEMO_DISTRICTS } from "./data/agencies";
import { TERRITORIES } from "./data/territories";
import { DEMO_PASSWORD, DEMO_USERS } from "./data/users";
import { buildAgency, buildUser, stableId, territoryRows } from "./factories";

export function demoAgencyCode(type: AgencyType, districtKey: string): string {
  return `${districtKey}-${type.replaceAll("_", "-")}`;
}

/** Territories are reference data: loaded into every database, demo or not. */
export async function seedTerritories(prisma: PrismaClient): Promise<number> {
  const rows = territoryRows(TERRITORIES);
  const result = await prisma.territory.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}

/** Demo agencies and users; loaded only into an empty database. Returns false if it was not empty. */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  await seedTerritories(prisma);
  if ((await prisma.user.count()) > 0) return false;
  const agencies = DEMO_DISTRICTS.flatMap((district) =>
    Object.values(AgencyType).map((type) => {
      const names = AGENCY_NAMES[type](district);
      return buildAgency({
        code: demoAgencyCode(type, district.key),
        type,
        territoryId: stableId("territory", district.code),
        nameRu: names.ru,
        nameKy: names.ky,
        nameEn: names.en,
      });
    }),
  );
  const users = await Promise.all(
    DEMO_USERS.map((user) =>
      buildUser({
        username: user.username,
        displayName: user.displayName,
        roles: [user.role],
        agencyId: stableId("agency", demoAgencyCode(user.agencyType, user.districtKey)),
        password: DEMO_PASSWORD,
        enrolled: user.enrolled,
      }),
    ),
  );
  await prisma.$transaction([prisma.agency.createMany({ data: agencies }), prisma.user.createMany({ data: users })]);
  return true;
}
