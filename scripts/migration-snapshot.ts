/**
 * The schema snapshot of prisma/migrations and the `prisma migrate diff` call around it, shared by
 * scripts/new-migration.ts (which diffs from the snapshot and then updates it) and
 * tests/unit/migration-drift.test.ts (which checks that nothing drifted).
 * See docs/decisions/002-database-and-migrations.md.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export const SCHEMA_PATH = "prisma/schema.prisma";
/** prisma/schema.prisma as of the latest migration: one file instead of a copy per migration. */
export const SNAPSHOT_PATH = "prisma/migrations/schema.snapshot.prisma";
export const SNAPSHOT_HEADER =
  "// Written by `npm run db:migration`: prisma/schema.prisma as of the latest migration in this folder.\n" +
  "// Do not edit by hand; tests/unit/migration-drift.test.ts checks it against schema.prisma and the migrations.\n\n";

export function snapshotOf(schema: string): string {
  return SNAPSHOT_HEADER + schema;
}

const EMPTY_MIGRATION = "-- This is an empty migration.";

/**
 * `prisma migrate diff <args> --script`; returns the SQL, or "" when there is no difference.
 * The CLI is called directly (not through npx) because the test runs it on every `npm test`.
 */
export async function migrateDiffScript(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/prisma"), ["migrate", "diff", ...args, "--script"], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    env: {
      ...process.env,
      // Any existing file stops the CLI from downloading engines (docs/decisions/002).
      PRISMA_SCHEMA_ENGINE_BINARY: "package.json",
      PRISMA_QUERY_ENGINE_LIBRARY: "package.json",
      // No internet here: skip the update check instead of waiting for it.
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  const sql = stdout
    .split("\n")
    .filter((line) => !line.startsWith("Loaded Prisma config"))
    .join("\n")
    .trim();
  return sql === EMPTY_MIGRATION ? "" : sql;
}
