import crypto from "node:crypto";
import { afterAll, describe, expect, inject, test } from "vitest";
import { closeDatabase, type Database } from "~/server/db.server";
import { applyMigrations, readMigrations } from "~/server/migrations.server";
import { seedDemo } from "~seeds/demo";
import { TERRITORIES } from "~seeds/data/territories";
import { DEMO_USERS } from "~seeds/data/users";
import { truncateAll, useEngine, type Engine } from "../support/engines";

/** A digest of everything the demo seed writes, to compare runs and engines. */
async function seedDigest(database: Database): Promise<string> {
  const { prisma } = database;
  const rows = [
    await prisma.territory.findMany({ orderBy: { id: "asc" } }),
    await prisma.agency.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true } }),
    await prisma.user.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
  ];
  return crypto.createHash("sha256").update(JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value))).digest("hex");
}

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("on %s", (engine) => {
  test("the applier applies every migration once and records it as Prisma does", async () => {
    const database = await useEngine(engine, inject("databaseUrl"));
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
    const database = await useEngine(engine, inject("databaseUrl"));
    await truncateAll(database);
    expect(await seedDemo(database.prisma)).toBe(true);
    expect(await seedDemo(database.prisma)).toBe(false);
    const topLevel = await database.prisma.territory.count({ where: { parentId: null } });
    expect(topLevel).toBe(TERRITORIES.length);
    const agencyTypes = await database.prisma.agency.groupBy({ by: ["type"], _count: { _all: true } });
    expect(agencyTypes).toHaveLength(12);
    for (const group of agencyTypes) expect(group._count._all).toBeGreaterThanOrEqual(3);
    expect(await database.prisma.user.count()).toBe(DEMO_USERS.length);
  });
});

test("the demo seed is deterministic: same data on every run and on both engines", async () => {
  const digests: string[] = [];
  for (const engine of ["postgres", "pglite", "postgres"] as const) {
    const database = await useEngine(engine, inject("databaseUrl"));
    await truncateAll(database);
    await seedDemo(database.prisma);
    digests.push(await seedDigest(database));
  }
  expect(new Set(digests).size).toBe(1);
});
