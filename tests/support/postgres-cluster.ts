// Throwaway PostgreSQL 15 cluster for tests: initdb into a temp dir, start on a
// free loopback port, create the app role/database, hand back URLs + stop().
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, chmodSync, chownSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** kamkor_app (non-superuser) connection string for the `kamkor` database. */
  url: string;
  /** Bootstrap superuser `postgres` connection string for the `kamkor` database. */
  adminUrl: string;
  /** Stops the server (immediate mode) and removes its temp dir. Idempotent. */
  stop: () => Promise<void>;
}

const BIN_DIR = process.env.POSTGRES_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
const isRoot = process.getuid?.() === 0;

/** initdb/postgres refuse to run as root, so as root we run them as the `postgres` user. */
function asPgUser(bin: string, args: string[]): [string, string[]] {
  const exe = path.join(BIN_DIR, bin);
  return isRoot ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
}

async function pgExec(bin: string, args: string[], cwd: string): Promise<void> {
  const [cmd, argv] = asPgUser(bin, args);
  // cwd = the cluster dir: the postgres user may not be able to enter the caller's cwd (e.g. /root).
  await run(cmd, argv, { cwd, env: { ...process.env, LC_ALL: "C" } });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** As root the postgres user must be able to traverse every ancestor of the cluster dir. */
function baseTmpDir(): string {
  const base = os.tmpdir();
  if (!isRoot) return base;
  for (let d = base; ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return "/tmp"; // e.g. TMPDIR=/root/tmp
    if (d === path.dirname(d)) return base;
  }
}

export async function startThrowawayPostgres(options: { label?: string } = {}): Promise<ThrowawayPostgres> {
  if (!existsSync(path.join(BIN_DIR, "initdb")) || !existsSync(path.join(BIN_DIR, "pg_ctl"))) {
    throw new Error(`PostgreSQL 15 server binaries not found in ${BIN_DIR} (install with: apt-get install -y postgresql-15, ` + `or set POSTGRES_BIN_DIR)`);
  }
  const label = (options.label ?? "test").replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 20);
  // Keep the path short: the unix socket path inside it must stay under ~107 bytes.
  const dir = mkdtempSync(path.join(baseTmpDir(), `kamkor-pg-${label}-`));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  chmodSync(dir, 0o700);
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }

  const stopCmd = asPgUser("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w"]);
  // Safety net for runs that end without stop(): vitest tears its workers down without
  // firing process 'exit', and a SIGKILLed runner fires nothing. A detached shell polls our
  // pid and, once we are gone, stops the server and removes the dir.
  const watchdog = spawn(
    "sh",
    [
      "-c",
      'p=$1 d=$2; shift 2; while kill -0 "$p" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$d"',
      "pg-watchdog",
      String(process.pid),
      dir,
      stopCmd[0],
      ...stopCmd[1],
    ],
    { detached: true, stdio: "ignore", cwd: dir },
  );
  watchdog.unref();

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stopSync);
    try {
      process.kill(-watchdog.pid!); // its own process group (detached): shell + its sleep
    } catch {
      // already gone
    }
    try {
      execFileSync(stopCmd[0], stopCmd[1], { cwd: dir, stdio: "ignore" });
    } catch {
      // Not running (start failed, or already gone).
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Immediate cleanup on a plain process exit; the watchdog covers the rest.
  process.on("exit", stopSync);

  try {
    await pgExec("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], dir);

    // The free port can be taken between probing and binding; retry a couple of times.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOpts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ` + `-c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        // -l: the server must not inherit our stdio pipes, or execFile would wait for it to exit.
        await pgExec("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "30", "-o", serverOpts], dir);
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }

    const adminBase = `postgresql://postgres@127.0.0.1:${port}`;
    await withClient(`${adminBase}/postgres`, (c) => c.query(`CREATE ROLE kamkor_app LOGIN PASSWORD 'kamkor_app' NOSUPERUSER NOCREATEDB NOCREATEROLE`));
    await createAppDatabase(`${adminBase}/postgres`, "kamkor");

    return {
      url: `postgresql://kamkor_app:kamkor_app@127.0.0.1:${port}/kamkor`,
      adminUrl: `${adminBase}/kamkor`,
      stop: async () => stopSync(),
    };
  } catch (err) {
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    const stderr = (err as { stderr?: string }).stderr ?? "";
    stopSync();
    throw new Error(`startThrowawayPostgres failed: ${(err as Error).message}\n${stderr}${log ? `\n--- server.log ---\n${log}` : ""}`);
  }
}

/**
 * Creates an empty database set up like the cluster's `kamkor` database: owned by the
 * superuser, the app role may connect and create in `public` (as on a managed server).
 * `adminUrl` is any superuser URL on the cluster; the database name is replaced.
 */
export async function createAppDatabase(adminUrl: string, name: string): Promise<{ appUrl: string; adminUrl: string }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name: ${name}`);
  const withDb = (url: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  };
  await withClient(adminUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name} OWNER postgres`);
    await c.query(`GRANT CONNECT, TEMP ON DATABASE ${name} TO kamkor_app`);
  });
  // PG15 no longer grants CREATE on public to PUBLIC, so the app role needs it explicitly.
  await withClient(withDb(adminUrl), (c) => c.query(`GRANT USAGE, CREATE ON SCHEMA public TO kamkor_app`));
  const app = new URL(withDb(adminUrl));
  app.username = "kamkor_app";
  app.password = "kamkor_app";
  return { appUrl: app.toString(), adminUrl: withDb(adminUrl) };
}

async function withClient(connectionString: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
