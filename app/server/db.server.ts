import fs from "node:fs";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv, type Env } from "~/server/env.server";

/**
 * One database handle per process. The embedded default is PGlite (PostgreSQL compiled to
 * WebAssembly, data under KAMKOR_DATA_DIR); with DATABASE_URL the same schema runs on a real
 * PostgreSQL server. The handle lives on globalThis because the start script (run by tsx)
 * and the Remix server bundle each carry their own copy of this module, and PGlite must be
 * opened only once per data directory.
 */
export type Database = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** A single connection for work that must not be interleaved (migrations). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

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
  if (pending) await (await pending).close();
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export function openDatabase(env: Pick<Env, "DATABASE_URL" | "pgliteDir">): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.pgliteDir);
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
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

async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  const connection: SqlConnection = {
    query: async (sql, params) => (await pglite.query(sql, params)).rows as never,
    exec: async (script) => void (await pglite.exec(script)),
  };
  return {
    kind: "pglite",
    prisma,
    withConnection: (work) => work(connection),
    async ping() {
      await pglite.query("select 1");
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
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
