import { DatabaseInUseError, getDatabase, type Database } from "~/server/db.server";
import type { Env } from "~/server/env.server";

/**
 * Opening the configured database for `keys:rotate` / `keys:reencrypt`: the same environment as
 * `npm start` (DATABASE_URL, or the embedded PGlite under KAMKOR_DATA_DIR, and the root key).
 * An embedded database can be opened by one process only, so the tools need PostgreSQL or a
 * stopped server; they say so instead of failing obscurely.
 */

export class KeyToolError extends Error {}

export function describeDatabase(database: Database, env: Env): string {
  return database.kind === "pglite" ? `embedded PGlite in ${env.pgliteDir}` : "PostgreSQL (DATABASE_URL)";
}

export async function openForKeyTool(env: Env): Promise<Database> {
  let database: Database;
  try {
    database = await getDatabase(env);
  } catch (error) {
    if (env.DATABASE_URL) throw error;
    const reason =
      error instanceof DatabaseInUseError
        ? error.message
        : `Cannot open the embedded database in ${env.pgliteDir}: ${error instanceof Error ? error.message : error}.`;
    throw new KeyToolError(
      `${reason}\nThe key tools work on PostgreSQL (DATABASE_URL) or on a stopped embedded server: stop npm start and run the tool again.`,
    );
  }
  const [table] = await database.withConnection((connection) =>
    connection.query<{ name: string | null }>(`SELECT to_regclass('public.encryption_key')::text AS name`),
  );
  if (!table?.name) throw new KeyToolError("This database has no encryption_key table yet: run npm start once (it applies the migrations).");
  return database;
}
