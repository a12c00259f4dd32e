import fs from "node:fs";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { appendAudit } from "~/server/audit/append.server";
import type { DecryptionError } from "~/server/encryption/cipher.server";
import { withEncryption, type EncryptedPrismaClient, type EncryptionControl } from "~/server/encryption/extension.server";
import { getEnv, type Env } from "~/server/env.server";

/**
 * One database handle per process. The embedded default is PGlite (PostgreSQL compiled to
 * WebAssembly, data under KAMKOR_DATA_DIR); with DATABASE_URL the same schema runs on a real
 * PostgreSQL server. The handle lives on globalThis because the start script (run by tsx)
 * and the Remix server bundle each carry their own copy of this module, and PGlite must be
 * opened only once per data directory (a lock file keeps other processes out).
 *
 * `prisma` is the encrypting client (AppPrisma): the fields declared in
 * app/server/encryption/registry.ts are encrypted on write and decrypted on read.
 */
export type Database = {
  kind: "pglite" | "postgres";
  /** Encrypts and decrypts the fields declared in app/server/encryption/registry.ts. */
  prisma: AppPrisma;
  /** The keyring behind `prisma` (start-up check, key rotation). */
  encryption: EncryptionControl;
  /** A single connection for work that must not be interleaved (migrations). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The application's Prisma client: the generated client with field encryption applied
 * (app/server/encryption/extension.server.ts). Domain code reads and writes plaintext.
 */
export type AppPrisma = EncryptedPrismaClient;

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type AppTransaction = Parameters<Extract<Parameters<AppPrisma["$transaction"]>[0], (...args: never[]) => unknown>>[0];

/** The little SQL surface the migration applier and health check need. */
export type SqlConnection = {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
};

const GLOBAL_KEY = Symbol.for("kamkor.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Promise<Database> };

export function getDatabase(env: Env = getEnv()): Promise<Database> {
  const holder = globalThis as GlobalWithDatabase;
  holder[GLOBAL_KEY] ??= openDatabase(env);
  return holder[GLOBAL_KEY];
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithDatabase;
  const pending = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  // A failed open has nothing to close (and its error was reported where it was awaited).
  const database = await pending?.catch(() => undefined);
  if (database) await database.close();
}

export async function getPrisma(): Promise<AppPrisma> {
  return (await getDatabase()).prisma;
}

/**
 * The audit event of a decryption failure, in the process's audit log like every other event.
 * Wired here, not imported by the encryption extension: the audit log needs this module.
 */
function auditDecryptFailure(error: DecryptionError): Promise<void> {
  return appendAudit(getDatabase, {
    actor: null,
    action: "encryption.decrypt_failed",
    decision: "failed",
    record: { type: error.table, id: error.recordId },
    fields: [error.column],
    purpose: error.keyVersion === undefined ? undefined : `key version ${error.keyVersion}`,
  });
}

export function openDatabase(env: Pick<Env, "DATABASE_URL" | "pgliteDir">): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.pgliteDir);
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const base = new PrismaClient({ adapter: new PrismaPg(pool) });
  const { client: prisma, control: encryption } = withEncryption(base, { onDecryptFailure: auditDecryptFailure });
  return {
    kind: "postgres",
    prisma,
    encryption,
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          exec: async (script) => void (await client.query(script)),
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Another process has the embedded database open. */
export class DatabaseInUseError extends Error {}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite does not lock its directory, and two processes writing one data directory corrupt
 * it (e.g. `npm run keys:reencrypt` next to a running `npm start`). `<dataDir>.lock` holds the
 * owner's pid; a lock left by a process that is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const owner = Number(fs.readFileSync(file, "utf8").trim());
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dataDir} is open in process ${owner} (a running npm start?). ` +
            `Stop it first, or use PostgreSQL (DATABASE_URL). If no such process runs, delete ${file}.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return () => {
    process.off("exit", release);
    release();
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const base = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  const { client: prisma, control: encryption } = withEncryption(base, { onDecryptFailure: auditDecryptFailure });
  const connection: SqlConnection = {
    query: async (sql, params) => (await pglite.query(sql, params)).rows as never,
    exec: async (script) => void (await pglite.exec(script)),
  };
  return {
    kind: "pglite",
    prisma,
    encryption,
    withConnection: (work) => work(connection),
    async ping() {
      await pglite.query("select 1");
    },
    async close() {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10; the runtime
 * contract is the one Prisma 6.19 uses (checked by the PGlite integration tests).
 */
export function pgliteAdapter(pglite: PGlite): SqlDriverAdapterFactory {
  return new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
}
