import type { Prisma } from "~/generated/prisma/client.ts";
import { AgencyType } from "~/generated/prisma/client.ts";
import type { AppPrisma } from "~/server/db.server";
import { AGENCY_NAMES, DEMO_DISTRICTS, DEMO_REGIONAL_AGENCIES } from "./data/agencies";
import { DEMO_PEOPLE } from "./data/people";
import { INSTRUMENT_DEFINITIONS } from "./data/instruments";
import { TERRITORIES } from "./data/territories";
import { DEMO_PASSWORD, DEMO_USERS } from "./data/users";
import { buildAgency, buildUser, stableId, territoryRows } from "./factories";
import { demoCaseloadRows, demoStaffRows } from "./caseload";
import { ORDER_RISK_INSTRUMENTS } from "./data/order-risk-instrument";
import { ORDER_RULE_SETS } from "./data/order-rules";
import { seedDemoOrders } from "./orders";

export function demoAgencyCode(type: AgencyType, districtKey: string): string {
  return `${districtKey}-${type.replaceAll("_", "-")}`;
}

/** The application's encrypting client (Database.prisma): people are encrypted on insert. */
export type SeedClient = AppPrisma;

/** Demo people as plaintext rows; the encrypting client encrypts them on insert. */
export function demoPersonRows(): Prisma.PersonCreateManyInput[] {
  const territoryOf = new Map<string, string>(DEMO_DISTRICTS.map((district) => [district.key, stableId("territory", district.code)]));
  return DEMO_PEOPLE.map((person) => ({
    id: stableId("person", person.key),
    surname: person.surname,
    givenName: person.givenName,
    patronymic: person.patronymic,
    pin: person.pin,
    birthDate: person.birthDate,
    address: person.address,
    phone: person.phone,
    notes: person.notes,
    sex: person.sex,
    birthYear: Number(person.birthDate.slice(0, 4)),
    territoryId: territoryOf.get(person.districtKey) ?? null,
    ownerAgencyId: stableId("agency", demoAgencyCode(person.agencyType, person.districtKey)),
    createdById: stableId("user", person.createdBy),
  }));
}

/** Territories are reference data: loaded into every database, demo or not. */
export async function seedTerritories(prisma: SeedClient): Promise<number> {
  const rows = territoryRows(TERRITORIES);
  const result = await prisma.territory.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}

/** The id of an instrument version row: stable, so every database names a version alike. */
export function instrumentVersionId(instrument: string, version: number): string {
  return stableId("instrument", `${instrument}:v${version}`);
}

/**
 * Screening instruments are reference data too (decision 016): every version of
 * seeds/data/instruments.ts is loaded into every database; published versions are never
 * overwritten (a changed text is a new version), so existing rows are skipped.
 */
export async function seedInstruments(prisma: SeedClient): Promise<number> {
  const rows = INSTRUMENT_DEFINITIONS.map((definition) => ({
    id: instrumentVersionId(definition.instrument, definition.version),
    instrument: definition.instrument,
    version: definition.version,
    definition: definition as unknown as Prisma.InputJsonValue,
  }));
  const result = await prisma.instrumentVersion.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}

/**
 * Protection-order reference data (decision 022): the dated rule sets and the risk checklist
 * versions, in every database. Rows are never overwritten: an amendment is a new row.
 */
export async function seedOrderReferenceData(prisma: SeedClient): Promise<number> {
  const rules = await prisma.orderRuleSet.createMany({
    data: ORDER_RULE_SETS.map((rule) => ({
      id: stableId("order-rule-set", rule.code),
      code: rule.code,
      lawReference: rule.lawReference,
      validFrom: rule.validFrom,
      defaultDays: rule.defaultDays,
      minDays: rule.minDays,
      maxDays: rule.maxDays,
      maxTotalDays: rule.maxTotalDays,
      checkStandardDays: rule.checkEveryDays.standard,
      checkMediumDays: rule.checkEveryDays.medium,
      checkHighDays: rule.checkEveryDays.high,
      expiryNoticeHours: rule.expiryNoticeHours,
    })),
    skipDuplicates: true,
  });
  const instruments = await prisma.instrumentVersion.createMany({
    data: ORDER_RISK_INSTRUMENTS.map((definition) => ({
      id: instrumentVersionId(definition.instrument, definition.version),
      instrument: definition.instrument,
      version: definition.version,
      definition: definition as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return rules.count + instruments.count;
}

/** Every agency type in each demo district, then the regional agencies. */
export function demoAgencyRows(): Prisma.AgencyCreateManyInput[] {
  const district = DEMO_DISTRICTS.flatMap((district) =>
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
  const regional = DEMO_REGIONAL_AGENCIES.map((agency) =>
    buildAgency({
      code: demoAgencyCode(agency.type, agency.key),
      type: agency.type,
      territoryId: stableId("territory", agency.code),
      nameRu: agency.ru,
      nameKy: agency.ky,
      nameEn: agency.en,
    }),
  );
  return [...district, ...regional];
}

/**
 * Demo agencies, users and people; loaded only into an empty database. Returns false if it was not empty.
 * `now`: the seeding time the demo protection orders are dated from (tests pin it to compare runs).
 */
export async function seedDemo(prisma: SeedClient, options: { now?: Date } = {}): Promise<boolean> {
  await seedTerritories(prisma);
  await seedInstruments(prisma);
  await seedOrderReferenceData(prisma);
  if ((await prisma.user.count()) > 0) return false;
  const agencies = demoAgencyRows();
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
  await prisma.$transaction([
    prisma.agency.createMany({ data: agencies }),
    prisma.user.createMany({ data: users }),
    prisma.person.createMany({ data: demoPersonRows() }),
  ]);
  await seedDemoCaseload(prisma);
  // The demo officer's protection orders (issue 11), dated from the seeding time.
  await seedDemoOrders(prisma, options.now ?? new Date());
  return true;
}

// ---------------------------------------------------------------------------------------
// Demo caseload (issue 4): more staff, 60 children with support plans, their chronology.
// ---------------------------------------------------------------------------------------

/** Loaded by seedDemo right after the accounts; one batch transaction through the encrypting client. */
export async function seedDemoCaseload(prisma: SeedClient): Promise<void> {
  const rows = demoCaseloadRows();
  await prisma.$transaction([
    prisma.user.createMany({ data: await demoStaffRows() }),
    prisma.person.createMany({ data: rows.people }),
    prisma.supportPlan.createMany({ data: rows.plans }),
    prisma.supportPlanMember.createMany({ data: rows.members }),
    prisma.supportPlanGoal.createMany({ data: rows.goals }),
    prisma.supportPlanReview.createMany({ data: rows.reviews }),
    prisma.chronologyEvent.createMany({ data: rows.chronology }),
  ]);
}
