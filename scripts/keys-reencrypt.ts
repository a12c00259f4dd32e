/**
 * `npm run keys:reencrypt [-- --batch-size=500] [-- --no-wait]`: re-encrypts every registered
 * column (app/server/encryption/registry.ts) with the newest key version, in batches walked by
 * id, one transaction each. Safe to stop at any point (Ctrl-C, kill, crash): rows already at
 * the newest version are skipped, so running it again continues. It ends by counting, with SQL,
 * the values per column that are not ciphertext of the newest version, and exits non-zero
 * if any remain.
 */
import { closeDatabase } from "~/server/db.server";
import { KEYRING_REFRESH_MS } from "~/server/encryption/keyring.server";
import { describeDatabase, openForKeyTool } from "~/server/encryption/key-tools.server";
import { reencryptAll, staleCiphertextCounts, type ReencryptProgress } from "~/server/encryption/rotation.server";
import { getEnv } from "~/server/env.server";

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main() {
  const batchSize = Number(option("batch-size") ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch-size must be a positive whole number.");
  const wait = !process.argv.includes("--no-wait");
  const env = getEnv();
  const database = await openForKeyTool(env);
  console.log(`Database: ${describeDatabase(database, env)}.`);

  let lastPrint = 0;
  const report = (progress: ReencryptProgress, force = false) => {
    const now = Date.now();
    if (!force && now - lastPrint < 1000 && progress.done < progress.total) return;
    lastPrint = now;
    const percent = progress.total ? Math.floor((progress.done * 100) / progress.total) : 100;
    console.log(`  ${progress.model} (${progress.table}): ${progress.done} / ${progress.total} rows (${percent}%)`);
  };

  console.log(`Re-encrypting every encrypted column with the newest key version, ${batchSize} rows per transaction (safe to stop and run again):`);
  const first = await reencryptAll(database, { batchSize, onProgress: (progress) => report(progress) });

  // Servers that have not refreshed their keyring yet may still write the previous version.
  const newest = await database.prisma.encryptionKey.findUniqueOrThrow({ where: { version: first.version }, select: { createdAt: true } });
  const settleMs = newest.createdAt.getTime() + KEYRING_REFRESH_MS + 5_000 - Date.now();
  if (settleMs > 0 && wait) {
    console.log(
      `Key version ${first.version} is younger than ${KEYRING_REFRESH_MS / 1000} s: waiting ${Math.ceil(settleMs / 1000)} s for running servers to switch, then a second pass.`,
    );
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const second = await reencryptAll(database, { batchSize });
    for (const progress of second.models) if (progress.total > 0) report(progress, true);
  }

  console.log(`Check (SQL): values per encrypted column that are not ciphertext of key version ${first.version}:`);
  const counts = await staleCiphertextCounts(database, first.version);
  for (const count of counts) console.log(`  ${count.table}.${count.column}: ${count.count}`);
  const remaining = counts.reduce((sum, count) => sum + count.count, 0);
  if (remaining > 0) {
    console.error(`${remaining} value(s) are not at key version ${first.version}. Run npm run keys:reencrypt again.`);
    process.exitCode = 1;
    return;
  }
  const { recordAudit } = await import("~/server/audit/audit.server");
  await recordAudit({
    actor: null,
    action: "keys.reencrypt",
    decision: "allowed",
    purpose: `command line: all encrypted columns at key version ${first.version}`,
  });
  console.log(`No older ciphertext remains: every encrypted value uses key version ${first.version}.`);
}

main()
  .catch((error: unknown) => {
    console.error(`keys:reencrypt failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
