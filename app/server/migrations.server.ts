import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlConnection } from "~/server/db.server";

/**
 * Applies prisma/migrations/<name>/migration.sql in order and records each one in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same sha256
 * checksum of the file), so the two stay interchangeable. We need our own applier because
 * Prisma's JavaScript schema engine cannot drive a real PostgreSQL server here
 * (docs/decisions/002-database-and-migrations.md).
 */

/** The lock id Prisma's own migrate uses, so we never race a `prisma migrate` run. */
const ADVISORY_LOCK_ID = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export function readMigrations(directory = path.resolve("prisma/migrations")): Migration[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(directory, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export async function applyMigrations(connection: SqlConnection, migrations: Migration[] = readMigrations()): Promise<{ applied: string[] }> {
  await connection.query("select pg_advisory_lock($1)", [ADVISORY_LOCK_ID]);
  try {
    await connection.exec(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum"            VARCHAR(64) NOT NULL,
        "finished_at"         TIMESTAMPTZ,
        "migration_name"      VARCHAR(255) NOT NULL,
        "logs"                TEXT,
        "rolled_back_at"      TIMESTAMPTZ,
        "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      );`);
    const rows = await connection.query<AppliedRow>(`select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations"`);
    const done = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) {
        throw new MigrationError(`Migration ${row.migration_name} failed earlier and is not resolved; fix the database, then mark it rolled back.`);
      }
      done.set(row.migration_name, row);
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was changed after it was applied (checksum differs).`);
        }
        continue;
      }
      await applyOne(connection, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    await connection.query("select pg_advisory_unlock($1)", [ADVISORY_LOCK_ID]);
  }
}

async function applyOne(connection: SqlConnection, migration: Migration): Promise<void> {
  const id = crypto.randomUUID();
  // The migration and its bookkeeping row commit together or not at all.
  await connection.exec("BEGIN");
  try {
    await connection.query(
      `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       values ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await connection.exec(migration.sql);
    await connection.query(`update "_prisma_migrations" set finished_at = now(), applied_steps_count = 1 where id = $1`, [id]);
    await connection.exec("COMMIT");
  } catch (error) {
    await connection.exec("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
