import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { SqlConnection } from "~/server/db.server";
import { applyMigrations, MigrationError, readMigrations, type Migration } from "~/server/migrations.server";

let db: PGlite;
let connection: SqlConnection;

// One in-memory PGlite for the file (start-up takes about a second); each test starts from an
// empty public schema, which drops every table, type and the _prisma_migrations table.
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
  connection = {
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    exec: async (script) => {
      await db.exec(script);
    },
  };
});

beforeEach(async () => {
  await db.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  expect(await tables()).toEqual([]);
});

afterAll(async () => {
  await db.close();
});

async function tables(): Promise<string[]> {
  const rows = await connection.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  return rows.map((row) => row.table_name);
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  started_at: Date;
};

async function migrationRows(): Promise<MigrationRow[]> {
  return connection.query<MigrationRow>(
    `select migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, started_at
       from "_prisma_migrations" order by migration_name`,
  );
}

async function advisoryLocks(): Promise<number> {
  const [row] = await connection.query<{ count: number }>("select count(*)::int as count from pg_locks where locktype = 'advisory'");
  return row.count;
}

const sha256 = (text: string | Buffer) => crypto.createHash("sha256").update(text).digest("hex");

describe("readMigrations", () => {
  test("reads prisma/migrations/*/migration.sql with the sha256 of each file", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(1);
    for (const migration of migrations) {
      const file = fs.readFileSync(path.resolve("prisma/migrations", migration.name, "migration.sql"));
      expect(migration.checksum).toBe(sha256(file));
      expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(migration.sql).toBe(file.toString("utf8"));
    }
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
  });

  test("sorts by directory name and ignores plain files such as migration_lock.toml and the schema snapshot", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-migrations-"));
    try {
      for (const name of ["20260102000000_second", "20260101000000_first"]) {
        fs.mkdirSync(path.join(directory, name));
        fs.writeFileSync(path.join(directory, name, "migration.sql"), `-- ${name}\n`);
      }
      fs.writeFileSync(path.join(directory, "migration_lock.toml"), 'provider = "postgresql"\n');
      fs.writeFileSync(path.join(directory, "schema.snapshot.prisma"), "// schema as of the latest migration\n");
      const migrations = readMigrations(directory);
      expect(migrations.map((m) => m.name)).toEqual(["20260101000000_first", "20260102000000_second"]);
      expect(migrations[0].checksum).toBe(sha256("-- 20260101000000_first\n"));
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("applyMigrations on PGlite", () => {
  test("the advisory-lock probe sees a held lock (so the 'lock released' checks below mean something)", async () => {
    await connection.query("select pg_advisory_lock(72707369)");
    expect(await advisoryLocks()).toBe(1);
    await connection.query("select pg_advisory_unlock(72707369)");
    expect(await advisoryLocks()).toBe(0);
  });

  test("creates the tables and one finished _prisma_migrations row per migration, checksum = sha256 of the file", async () => {
    const migrations = readMigrations();
    const result = await applyMigrations(connection, migrations);
    expect(result.applied).toEqual(migrations.map((m) => m.name));

    expect(await tables()).toEqual(expect.arrayContaining(["territory", "agency", "app_user", "session", "_prisma_migrations"]));

    const rows = await migrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const row of rows) {
      const file = fs.readFileSync(path.resolve("prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(sha256(file));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await advisoryLocks()).toBe(0);
  });

  test("the _prisma_migrations table has Prisma's columns", async () => {
    await applyMigrations(connection, readMigrations());
    const columns = await connection.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = '_prisma_migrations' order by column_name",
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "applied_steps_count",
      "checksum",
      "finished_at",
      "id",
      "logs",
      "migration_name",
      "rolled_back_at",
      "started_at",
    ]);
  });

  test("running again applies nothing and adds no rows", async () => {
    await applyMigrations(connection, readMigrations());
    const before = await migrationRows();
    expect(await applyMigrations(connection, readMigrations())).toEqual({ applied: [] });
    expect(await migrationRows()).toEqual(before);
  });

  test("only new migrations are applied on a later run", async () => {
    const migrations = readMigrations();
    await applyMigrations(connection, migrations);
    const next: Migration = { name: "29990101000000_add_note", sql: 'CREATE TABLE "note" (id TEXT PRIMARY KEY);', checksum: sha256("note") };
    expect(await applyMigrations(connection, [...migrations, next])).toEqual({ applied: [next.name] });
    expect(await tables()).toContain("note");
  });

  test("a migration changed after it was applied is refused with a MigrationError mentioning the checksum", async () => {
    const migrations = readMigrations();
    await applyMigrations(connection, migrations);
    const changedSql = `${migrations[0].sql}\n-- edited afterwards\n`;
    const changed = [{ ...migrations[0], sql: changedSql, checksum: sha256(changedSql) }, ...migrations.slice(1)];
    const error = await applyMigrations(connection, changed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/checksum/i);
    expect((error as Error).message).toContain(migrations[0].name);
    // The lock is released even when the run fails.
    expect(await advisoryLocks()).toBe(0);
  });

  test("a failing migration is rolled back entirely (no partial table, no bookkeeping row) and throws MigrationError", async () => {
    const migrations = readMigrations();
    const bad: Migration = {
      name: "29990101000000_broken",
      sql: 'CREATE TABLE "half_done" (id TEXT PRIMARY KEY);\nINSERT INTO "half_done" VALUES (\'x\');\nSELECT * FROM "no_such_table";',
      checksum: sha256("broken"),
    };
    const error = await applyMigrations(connection, [...migrations, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(bad.name);

    expect(await tables()).not.toContain("half_done");
    const rows = await migrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name)); // earlier ones stay applied
    expect(await advisoryLocks()).toBe(0);

    // The connection is usable afterwards (no transaction left open) and a fixed run succeeds.
    const fixed: Migration = { ...bad, sql: 'CREATE TABLE "half_done" (id TEXT PRIMARY KEY);', checksum: sha256("fixed") };
    expect(await applyMigrations(connection, [...migrations, fixed])).toEqual({ applied: [bad.name] });
    expect(await tables()).toContain("half_done");
  });

  test("a failing first migration leaves no table of its own behind", async () => {
    const bad: Migration = { name: "00000000000000_broken", sql: 'CREATE TABLE "only_table" (id int); SELECT 1/0;', checksum: sha256("x") };
    await expect(applyMigrations(connection, [bad])).rejects.toBeInstanceOf(MigrationError);
    expect(await tables()).toEqual(["_prisma_migrations"]);
    expect(await migrationRows()).toEqual([]);
  });

  test("an unfinished migration recorded earlier stops the run", async () => {
    await applyMigrations(connection, []);
    await connection.query(`insert into "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) values ($1, $2, $3, 0)`, [
      crypto.randomUUID(),
      sha256("x"),
      "20000101000000_stuck",
    ]);
    const error = await applyMigrations(connection, readMigrations()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain("20000101000000_stuck");
    expect(await tables()).not.toContain("territory");
  });

  test("a rolled-back migration is ignored and applied again", async () => {
    const migrations = readMigrations();
    await applyMigrations(connection, []);
    await connection.query(
      `insert into "_prisma_migrations" (id, checksum, migration_name, rolled_back_at, applied_steps_count) values ($1, $2, $3, now(), 0)`,
      [crypto.randomUUID(), "old", migrations[0].name],
    );
    expect((await applyMigrations(connection, migrations)).applied).toEqual(migrations.map((m) => m.name));
    expect(await tables()).toContain("territory");
  });
});
