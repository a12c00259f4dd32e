import { afterAll, describe, expect, test } from "vitest";
import { closeDatabase } from "~/server/db.server";
import { KEPT_TABLES, resetTables, truncateAll, useEngine, type Engine } from "./engines";

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("truncateAll on %s", (engine) => {
  test("empties every table of the schema but the kept ones, including a table nobody listed", async () => {
    const database = await useEngine(engine);
    await database.withConnection(async (connection) => {
      await connection.exec(`CREATE TABLE IF NOT EXISTS "zz_new_table" (id int PRIMARY KEY); INSERT INTO "zz_new_table" VALUES (1) ON CONFLICT DO NOTHING`);
    });
    try {
      const reset = await resetTables(database);
      expect(reset).toContain("zz_new_table");
      expect(reset).toEqual(expect.arrayContaining(["person", "app_user", "session", "screening"]));
      for (const kept of [...KEPT_TABLES, "_prisma_migrations"]) expect(reset).not.toContain(kept);
      await truncateAll(database);
      const [{ count }] = await database.withConnection((connection) =>
        connection.query<{ count: number }>(`SELECT count(*)::int AS count FROM "zz_new_table"`),
      );
      expect(count).toBe(0);
    } finally {
      await database.withConnection((connection) => connection.exec(`DROP TABLE "zz_new_table"`));
    }
  });
});
