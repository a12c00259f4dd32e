import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, getDatabase, type Database } from "~/server/db.server";
import { parseEnv } from "~/server/env.server";
import { applyMigrations } from "~/server/migrations.server";

export type Engine = "postgres" | "pglite";

/**
 * Makes `engine` the process-wide database (what the app's getPrisma() returns), migrated
 * with the project's own applier. PostgreSQL: `databaseUrl`, or by default this vitest
 * worker's own database (tests/support/worker-database.ts). PGlite gets a fresh directory.
 */
export async function useEngine(engine: Engine, databaseUrl?: string): Promise<Database> {
  await closeDatabase();
  // Imported lazily: the benchmark scripts call useEngine outside vitest, with a URL.
  const url = engine === "postgres" ? (databaseUrl ?? (await import("./worker-database")).workerDatabase().databaseUrl) : "";
  const env = engine === "postgres" ? parseEnv({ DATABASE_URL: url }) : parseEnv({ KAMKOR_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-pglite-")) });
  const database = await getDatabase(env);
  await database.withConnection((connection) => applyMigrations(connection));
  return database;
}

/**
 * Tables truncateAll keeps, each for a reason; every other table of the schema is emptied, so a
 * new table is reset without anyone remembering to list it.
 * - encryption_key: the wrapped data keys. Each process caches its keyring, and ciphertext left
 *   in kept tables needs them; they are bound to the run's one root key (global-setup.ts).
 * - audit_event, audit_chain_head: append-only (a trigger refuses TRUNCATE); the migration writes
 *   the chain's genesis row. Tests that count audit events count their own, or use a fresh database.
 * - instrument_version: published instruments, reference data that data migrations amend
 *   (20261125124500_asq_age_range); the seed inserts them idempotently.
 * Plus every table that refuses TRUNCATE by trigger (found in the catalogue, so a new
 * append-only table is kept too) and Prisma's _prisma_migrations.
 */
export const KEPT_TABLES = ["encryption_key", "audit_event", "audit_chain_head", "instrument_version"] as const;

/** The tables truncateAll empties: the schema's tables minus the kept ones (see KEPT_TABLES). */
export async function resetTables(database: Database): Promise<string[]> {
  return database.withConnection(async (connection) => {
    const tables = await connection.query<{ name: string; append_only: boolean }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal AND (t.tgtype & 32) <> 0) AS append_only
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        ORDER BY c.relname`,
    );
    const names = new Set(tables.map((table) => table.name));
    // A renamed kept table would otherwise be emptied silently.
    const missing = KEPT_TABLES.filter((name) => !names.has(name));
    if (missing.length > 0) throw new Error(`truncateAll keeps tables the schema no longer has: ${missing.join(", ")} (tests/support/engines.ts)`);
    const kept = new Set<string>(KEPT_TABLES);
    return tables.filter((table) => !kept.has(table.name) && !table.append_only).map((table) => table.name);
  });
}

/** Empties every application table (derived from the schema, see KEPT_TABLES), keeping the schema. */
export async function truncateAll(database: Database): Promise<void> {
  const tables = await resetTables(database);
  const list = tables.map((name) => `"${name.replace(/"/g, '""')}"`).join(", ");
  await database.withConnection((connection) => connection.exec(`TRUNCATE ${list} CASCADE`));
}
