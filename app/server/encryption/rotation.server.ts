import type { Database } from "~/server/db.server";
import { ciphertextVersion, DecryptionError, decryptField, encryptField } from "./cipher.server";
import { recordAudit } from "~/server/audit/audit.server";
import { prismaKeyStore } from "./extension.server";
import { allModelSpecs, type ModelSpec } from "./registry";

/**
 * Key rotation. `rotateKey` adds a data-key version that every new write uses from then on
 * (other servers within KEYRING_REFRESH_MS). `reencryptAll` rewrites every registered column
 * to the current version in batches, walking each table by id; each batch is one transaction
 * that locks its rows (so a concurrent edit is not overwritten with stale plaintext). Rows
 * already at the current version are skipped, which makes the job resumable: kill it at any
 * point and run it again. `staleCiphertextCounts` is the proof that nothing older is left.
 * Blind indexes are keyed by the root key, not by data keys, so they stay as they are.
 */

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export async function rotateKey(database: Database): Promise<number> {
  const version = await database.encryption.keyring.rotate(prismaKeyStore(database.prisma));
  await recordAudit({ actor: null, action: "keys.rotate", decision: "allowed", purpose: `command line: key version ${version} now encrypts new writes` });
  return version;
}

export type StaleCount = { model: string; table: string; column: string; count: number };

/** Per registered column: values that are not ciphertext of `version` (older keys, or not ciphertext at all). */
export async function staleCiphertextCounts(database: Database, version?: number): Promise<StaleCount[]> {
  const current = version ?? (await currentVersion(database));
  const counts: StaleCount[] = [];
  for (const spec of allModelSpecs()) {
    for (const column of spec.encrypted.values()) {
      const [row] = await database.prisma.$queryRawUnsafe<{ count: bigint | number }[]>(
        `SELECT count(*) AS count FROM ${quote(spec.table)} WHERE ${quote(column)} IS NOT NULL AND ${quote(column)} NOT LIKE $1`,
        `kmk1.${current}.%`,
      );
      counts.push({ model: spec.model, table: spec.table, column, count: Number(row.count) });
    }
  }
  return counts;
}

async function currentVersion(database: Database): Promise<number> {
  const keyring = database.encryption.keyring;
  await keyring.reload(prismaKeyStore(database.prisma), { create: true });
  return keyring.currentVersion;
}

export type ReencryptProgress = { model: string; table: string; done: number; total: number };

export type ReencryptOptions = {
  batchSize?: number;
  /** Stop after this many batches (tests simulate a job killed half-way). */
  maxBatches?: number;
  onProgress?: (progress: ReencryptProgress) => void;
};

export type ReencryptResult = { version: number; complete: boolean; models: ReencryptProgress[] };

function staleWhere(spec: ModelSpec, parameter: string): string {
  return [...spec.encrypted.values()].map((column) => `(${quote(column)} IS NOT NULL AND ${quote(column)} NOT LIKE ${parameter})`).join(" OR ");
}

export async function reencryptAll(database: Database, options: ReencryptOptions = {}): Promise<ReencryptResult> {
  const batchSize = options.batchSize ?? 500;
  const version = await currentVersion(database);
  const keyring = database.encryption.keyring;
  const pattern = `kmk1.${version}.%`;
  const models: ReencryptProgress[] = [];
  let batches = 0;

  for (const spec of allModelSpecs()) {
    const columns = [...spec.encrypted.values()];
    const [{ count }] = await database.prisma.$queryRawUnsafe<{ count: bigint | number }[]>(
      `SELECT count(*) AS count FROM ${quote(spec.table)} WHERE ${staleWhere(spec, "$1")}`,
      pattern,
    );
    const progress: ReencryptProgress = { model: spec.model, table: spec.table, done: 0, total: Number(count) };
    models.push(progress);
    options.onProgress?.({ ...progress });
    let lastId = "";
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return { version, complete: false, models };
      const rewritten = await database.prisma.$transaction(
        async (tx) => {
          const rows = await tx.$queryRawUnsafe<Record<string, string | null>[]>(
            `SELECT "id", ${columns.map(quote).join(", ")} FROM ${quote(spec.table)}
           WHERE "id" > $2 AND (${staleWhere(spec, "$1")}) ORDER BY "id" LIMIT $3 FOR UPDATE`,
            pattern,
            lastId,
            batchSize,
          );
          if (rows.length === 0) return rows;
          const values: (string | null)[][] = columns.map(() => []);
          for (const row of rows) {
            const id = row.id as string;
            columns.forEach((column, index) => {
              const stored = row[column];
              const from = stored === null ? undefined : ciphertextVersion(stored);
              if (stored === null || from === version) {
                values[index].push(stored);
                return;
              }
              const place = { table: spec.table, column, recordId: id };
              try {
                if (from === undefined || !keyring.has(from))
                  throw new DecryptionError(place, from === undefined ? "the stored value is not a Kamkor ciphertext" : "unknown key version", from);
                const plaintext = decryptField(stored, keyring.fieldKey(from, spec.table, column), place);
                values[index].push(encryptField(plaintext, keyring.fieldKey(version, spec.table, column), place, version));
              } catch (error) {
                if (error instanceof DecryptionError) database.encryption.reportDecryptFailure(error);
                throw error;
              }
            });
          }
          const names = ["id", ...columns].map(quote);
          await tx.$executeRawUnsafe(
            `UPDATE ${quote(spec.table)} AS t SET ${columns.map((column) => `${quote(column)} = v.${quote(column)}`).join(", ")}
           FROM unnest(${names.map((_, index) => `$${index + 1}::text[]`).join(", ")}) AS v(${names.join(", ")})
           WHERE t."id" = v."id"`,
            rows.map((row) => row.id),
            ...values,
          );
          return rows;
        },
        { timeout: 60_000 },
      );
      if (rewritten.length === 0) break;
      batches++;
      lastId = rewritten[rewritten.length - 1].id as string;
      progress.done += rewritten.length;
      options.onProgress?.({ ...progress });
    }
  }
  return { version, complete: true, models };
}
