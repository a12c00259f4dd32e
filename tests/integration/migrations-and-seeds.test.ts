import crypto from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { closeDatabase, type Database } from "~/server/db.server";
import { applyMigrations, readMigrations } from "~/server/migrations.server";
import { seedDemo } from "~seeds/demo";
import { TERRITORIES } from "~seeds/data/territories";
import { DEMO_PEOPLE } from "~seeds/data/people";
import { CASELOAD_SIZE } from "~seeds/caseload";
import { DEMO_ORDER_PEOPLE, DEMO_ORDERS } from "~seeds/data/orders";
import { DEMO_STAFF, DEMO_USERS } from "~seeds/data/users";
import { truncateAll, useEngine, type Engine } from "../support/engines";

/**
 * A digest of everything the demo seed writes, to compare runs and engines. People are read
 * through the encrypting client: their plaintext and blind indexes are deterministic, their
 * ciphertext is not (random IVs), so the encrypted columns are compared decrypted.
 */
async function seedDigest(database: Database): Promise<string> {
  const { prisma } = database;
  const rows = [
    await prisma.territory.findMany({ orderBy: { id: "asc" } }),
    await prisma.agency.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true } }),
    await prisma.user.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    await prisma.person.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    // The demo caseload: plan narratives, member roles, goal texts and notes compared decrypted.
    await prisma.supportPlan.findMany({ orderBy: { id: "asc" } }),
    await prisma.supportPlanMember.findMany({ orderBy: { id: "asc" } }),
    await prisma.supportPlanGoal.findMany({ orderBy: { id: "asc" } }),
    await prisma.supportPlanReview.findMany({ orderBy: { id: "asc" } }),
    await prisma.chronologyEvent.findMany({ orderBy: { id: "asc" } }),
    // The demo protection orders (decrypted notes and checks).
    await prisma.protectionOrder.findMany({ orderBy: { id: "asc" } }),
    await prisma.complianceCheck.findMany({ orderBy: { id: "asc" } }),
  ];
  return crypto
    .createHash("sha256")
    .update(JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value)))
    .digest("hex");
}

afterAll(() => closeDatabase());

const SEEDED_AT = new Date("2026-12-08T04:00:00.000Z");

describe.each<Engine>(["postgres", "pglite"])("on %s", (engine) => {
  test("the applier applies every migration once and records it as Prisma does", async () => {
    const database = await useEngine(engine);
    const recorded = await database.withConnection((connection) =>
      connection.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `select migration_name, checksum, finished_at, applied_steps_count from "_prisma_migrations" order by migration_name`,
      ),
    );
    const files = readMigrations();
    expect(recorded.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of recorded.entries()) {
      expect(row.checksum).toBe(files[index].checksum);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const again = await database.withConnection((connection) => applyMigrations(connection));
    expect(again.applied).toEqual([]);
  });

  test("demo data: every territory, agencies of every type, one user per role, loaded once", async () => {
    const database = await useEngine(engine);
    await truncateAll(database);
    expect(await seedDemo(database.prisma)).toBe(true);
    expect(await seedDemo(database.prisma)).toBe(false);
    const topLevel = await database.prisma.territory.count({ where: { parentId: null } });
    expect(topLevel).toBe(TERRITORIES.length);
    const agencyTypes = await database.prisma.agency.groupBy({ by: ["type"], _count: { _all: true } });
    expect(agencyTypes).toHaveLength(12);
    for (const group of agencyTypes) expect(group._count._all).toBeGreaterThanOrEqual(3);
    expect(await database.prisma.user.count()).toBe(DEMO_USERS.length + DEMO_STAFF.length);
    expect(await database.prisma.person.count()).toBe(DEMO_PEOPLE.length + CASELOAD_SIZE + DEMO_ORDER_PEOPLE.length);
    expect(await database.prisma.protectionOrder.count()).toBe(DEMO_ORDERS.length);
    expect(await database.prisma.supportPlan.count()).toBe(CASELOAD_SIZE);
  });
});

test("the demo seed is deterministic: same data on every run and on both engines", async () => {
  const digests: string[] = [];
  for (const engine of ["postgres", "pglite", "postgres"] as const) {
    const database = await useEngine(engine);
    await truncateAll(database);
    // The demo orders are dated from the seeding time: one pinned time makes runs comparable.
    await seedDemo(database.prisma, { now: SEEDED_AT });
    digests.push(await seedDigest(database));
  }
  expect(new Set(digests).size).toBe(1);
  // Plaintext equality is not ciphertext equality: the stored people differ on every run.
  const database = await useEngine("postgres");
  const [raw] = await database.withConnection((connection) => connection.query<{ surname: string }>(`SELECT surname FROM person ORDER BY id LIMIT 1`));
  await truncateAll(database);
  await seedDemo(database.prisma);
  const [again] = await database.withConnection((connection) => connection.query<{ surname: string }>(`SELECT surname FROM person ORDER BY id LIMIT 1`));
  expect(raw.surname).toMatch(/^kmk1\./);
  expect(again.surname).not.toBe(raw.surname);
});
