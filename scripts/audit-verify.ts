/**
 * `npm run audit:verify`: walks the audit chain (app/server/audit/verify.server.ts) and
 * reports the first broken link. Exit code 0 = intact, 1 = broken, 2 = could not check.
 * Uses the same configuration as the server (DATABASE_URL, KAMKOR_DATA_DIR, root key). The
 * embedded database can be opened by one process at a time: stop the server first.
 */
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, getDatabase } from "~/server/db.server";
import { describeBreak, verifyAuditChain } from "~/server/audit/verify.server";
import { EnvError, getEnv } from "~/server/env.server";

const rate = (count: number, ms: number) => `${Math.round(ms > 0 ? (count * 1000) / ms : 0).toLocaleString("en-US")} events/s`;

async function main(): Promise<number> {
  const env = getEnv();
  // Never generate a demo key here (as start-up would): a new key cannot check an old chain.
  const demoKeyFile = path.resolve(env.KAMKOR_DATA_DIR, "keys", "root.key");
  if (!env.KAMKOR_ROOT_KEY && !env.KAMKOR_ROOT_KEY_FILE && !fs.existsSync(demoKeyFile)) {
    console.error(`Cannot verify the audit chain: no root key (set KAMKOR_ROOT_KEY or KAMKOR_ROOT_KEY_FILE; no ${demoKeyFile}).`);
    return 2;
  }
  const database = await getDatabase(env);
  console.log(`Verifying the audit chain on ${database.kind === "pglite" ? `embedded PGlite in ${env.pgliteDir}` : "PostgreSQL (DATABASE_URL)"}…`);
  const result = await verifyAuditChain({
    database,
    onProgress: ({ checked, lastSeq, headSeq, elapsedMs }) =>
      console.log(`  ${checked.toLocaleString("en-US")} events checked (seq ${lastSeq} of ${headSeq}), ${rate(checked, elapsedMs)}`),
  });
  const summary = `${result.checked.toLocaleString("en-US")} events in ${(result.elapsedMs / 1000).toFixed(2)} s (${rate(result.checked, result.elapsedMs)})`;
  if (result.ok) {
    console.log(`Audit chain intact: ${summary}, head at seq ${result.headSeq}.`);
    return 0;
  }
  console.error(`Audit chain BROKEN — first broken link: ${describeBreak(result.broken!)}`);
  console.error(`  check: ${result.broken!.check}; expected ${result.broken!.expected}; found ${result.broken!.actual}`);
  if (result.checked === 0 && result.broken!.check === "hash") {
    console.error("  The very first event does not match: is this the root key that wrote the log?");
  }
  console.error(`  ${summary} verified before the break.`);
  return 1;
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `Cannot verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
    await closeDatabase().catch(() => undefined);
    process.exit(2);
  });
