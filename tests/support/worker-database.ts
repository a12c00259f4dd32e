import pg from "pg";
import { inject } from "vitest";
import { createAppDatabase } from "./postgres-cluster";

/**
 * Integration test files run in parallel (vitest.config.ts), one database per worker on the
 * one throwaway cluster that tests/integration/global-setup.ts starts. VITEST_POOL_ID is the
 * worker's slot (1..maxForks), reused by the next file in that slot, so a worker's database
 * lives for the whole run and each file resets it (truncateAll) as it did on the shared one.
 */
export function workerDatabaseName(): string {
  const slot = process.env.VITEST_POOL_ID ?? "1";
  if (!/^\d+$/.test(slot)) throw new Error(`Unexpected VITEST_POOL_ID: ${slot}`);
  return `kamkor_w${slot}`;
}

function onDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** This worker's database: the app role's URL and the superuser's (pg_dump, fresh databases). */
export function workerDatabase(): { databaseUrl: string; adminDatabaseUrl: string } {
  const name = workerDatabaseName();
  return { databaseUrl: onDatabase(inject("databaseUrl"), name), adminDatabaseUrl: onDatabase(inject("adminDatabaseUrl"), name) };
}

/** Creates this worker's (empty) database unless an earlier file in the slot did; migrations run in useEngine. */
export async function ensureWorkerDatabase(): Promise<void> {
  const name = workerDatabaseName();
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  let exists: boolean;
  try {
    exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
  if (!exists) await createAppDatabase(inject("adminDatabaseUrl"), name);
}
