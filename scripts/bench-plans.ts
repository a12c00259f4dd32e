/**
 * `npm run bench:plans [-- --people=100000 --plans=30000 --skip-build --duration=10 --cpu-prof --queries]`:
 * the signed-in pages through the real HTTP stack (production build, Express, gzip, sessions,
 * audit) on a throwaway PostgreSQL 15 cluster, against a bare Remix page measured in the same run.
 * Prints figures, asserts nothing (decision 010).
 *
 * Method (docs/decisions/021-request-cost.md):
 *  1. load 100,000 people through the encrypting client (every name really encrypted and
 *     blind-indexed) and 30,000 plans (300 led by the demo inspector, the rest spread over 400
 *     synthetic leads and all territories); the demo school psychologist is a member of the
 *     inspector's 300 plans, responsible for a measure on each, and has 1,000 screenings of their
 *     school in scope (SQL fill, precomputed ciphertext) — the "300 plans, 1,000 screenings" user;
 *  2. build the app into build-bench/ and the bare fixture (bench/bare: Remix, Express,
 *     compression, a 50-row table) into build-bare/, start both on free loopback ports;
 *  3. sign users in by writing session rows directly (what the TOTP step does);
 *  4. count SQL statements per page (log_statement = all on the throwaway cluster, one request
 *     each), then drive every page with wrk (a separate process: `wrk -t2 -d10s`, keep-alive,
 *     Accept-Encoding: gzip) at 8 and 32 connections; wrk is installed from Debian if missing
 *     (scripts/ensure-wrk.sh). Timeouts are wrk's (2 s). The bare page runs first and last; ratios
 *     use the mean of the two (other load on the shared machine drifts during a run);
 *  5. encryption + policy cost in-process on the query layer (real listCaseload against the same
 *     query shape without policy and decryption), and EXPLAIN ANALYZE of the caseload query.
 * --cpu-prof writes V8 CPU profiles of the app server to bench-profiles/ (open in Chrome DevTools).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { Prisma } from "~/generated/prisma/client.ts";
import { caseloadPageSql } from "~/modules/support-plans/caseload-query.server";
import { screeningTaskCount } from "~/modules/screenings/alerts.server";
import { listCaseload } from "~/modules/support-plans/support-plans.server";
import { taskCounts } from "~/modules/tasks/tasks.server";
import { actorOf, type AuthorizedUser } from "~/server/authorization.server";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { startSession } from "~/server/auth/session.server";
import { closeDatabase } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { instrumentVersionId, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { useEngine } from "../tests/support/engines";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";
import { asUser } from "../tests/support/users";

const ROOT_KEY = Buffer.alloc(32, "kamkor-bench-plans").toString("base64");
process.env.KAMKOR_ROOT_KEY = ROOT_KEY;

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const PEOPLE = Number(option("people") ?? 100_000);
const PLANS = Number(option("plans") ?? 30_000);
const LEAD_PLANS = 300;
const SKIP_BUILD = process.argv.includes("--skip-build");
const BUILD_DIR = "build-bench";
const SCREENINGS = 1_000;
const DURATION = Number(option("duration") ?? 10);
const CPU_PROF = process.argv.includes("--cpu-prof");
const SHOW_QUERIES = process.argv.includes("--queries");

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ["Асанов", "Осмонов", "Жээнбеков", "Бекмуратов", "Абдуллаев", "Ташиев", "Сейитов", "Исаев", "Курманов", "Жолдошев", "Маматов", "Эрмеков"];
const GIVEN = ["Нурбек", "Эмир", "Арсен", "Адилет", "Азамат", "Айпери", "Мээрим", "Айжан", "Жылдыз", "Назира"];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function load(databaseUrl: string) {
  const database = await useEngine("postgres", databaseUrl);
  await seedDemo(database.prisma);
  const prisma = database.prisma;
  const next = random(42);
  const territories = (await prisma.territory.findMany({ where: { kind: { not: "region" } }, select: { id: true } })).map((t) => t.id);
  const inspector = await asUser("inspector");

  let started = performance.now();
  const chunk = 5_000;
  const personIds: string[] = [];
  for (let offset = 0; offset < PEOPLE; offset += chunk) {
    const rows: Prisma.PersonCreateManyInput[] = [];
    for (let i = offset; i < Math.min(PEOPLE, offset + chunk); i++) {
      const id = newId();
      personIds.push(id);
      const year = 2006 + Math.floor(next() * 14);
      const birthDate = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
      rows.push({
        id,
        surname: SURNAMES[Math.floor(next() * SURNAMES.length)],
        givenName: GIVEN[Math.floor(next() * GIVEN.length)],
        birthDate,
        pin: `2${String(i).padStart(8, "0")}888${String(i % 100).padStart(2, "0")}`,
        birthYear: year,
        sex: next() < 0.5 ? "female" : "male",
        territoryId: i < LEAD_PLANS ? inspector.agency.territoryId : territories[Math.floor(next() * territories.length)],
        ownerAgencyId: i < LEAD_PLANS ? inspector.agency.id : newIdFor("agency", i % 500),
        createdById: inspector.id,
      });
    }
    await prisma.person.createMany({ data: rows });
  }
  console.log(`  ${fmt(PEOPLE)} people through the encrypting client: ${fmt((performance.now() - started) / 1000, 1)} s`);

  started = performance.now();
  const statuses = ["draft", "active", "active", "active", "closure_requested", "closed"] as const;
  for (let offset = 0; offset < PLANS; offset += chunk) {
    const rows: Prisma.SupportPlanCreateManyInput[] = [];
    for (let i = offset; i < Math.min(PLANS, offset + chunk); i++) {
      const mine = i < LEAD_PLANS;
      rows.push({
        id: newId(),
        personId: personIds[i % personIds.length],
        status: statuses[i % statuses.length],
        isProposal: !mine && i % 97 === 0,
        grounds: ["school_absence"],
        leadUserId: mine ? inspector.id : newIdFor("user", i % 400),
        leadAgencyId: mine ? inspector.agency.id : newIdFor("agency", i % 500),
        territoryId: mine ? inspector.agency.territoryId : territories[i % territories.length],
        nextReviewDue: new Date(Date.UTC(2026, 10, 1) + (i % 180) * 86_400_000),
        createdById: mine ? inspector.id : newIdFor("user", i % 400),
      });
    }
    await prisma.supportPlan.createMany({ data: rows });
  }
  await prisma.$executeRawUnsafe("ANALYZE");
  console.log(`  ${fmt(PLANS)} plans (${LEAD_PLANS} led by the inspector): ${fmt((performance.now() - started) / 1000, 1)} s`);
  return { database, inspector };
}

function newIdFor(kind: string, n: number): string {
  return stableId(`bench-${kind}`, String(n));
}

/** Screenings of the psychologist's school (1,000), plans membership and measures: the user with everything in scope. */
async function loadScreeningUser(database: Awaited<ReturnType<typeof useEngine>>, inspector: AuthorizedUser) {
  const prisma = database.prisma;
  const psychologist = await asUser("psychologist");
  const pedagogue = await asUser("pedagogue");
  const started = performance.now();
  const plans = await prisma.supportPlan.findMany({ where: { leadUserId: inspector.id }, select: { id: true } });
  await prisma.supportPlanMember.createMany({
    data: plans.map((plan) => ({
      id: newId(),
      planId: plan.id,
      userId: psychologist.id,
      agencyId: psychologist.agency.id,
      roleInPlan: "school psychologist",
      addedById: inspector.id,
    })),
  });
  await prisma.supportPlanGoal.createMany({
    data: plans.map((plan, i) => ({
      id: newId(),
      planId: plan.id,
      text: "weekly sessions",
      responsibleAgencyId: psychologist.agency.id,
      responsibleUserId: psychologist.id,
      dueDate: new Date(Date.now() + ((i % 30) - 10) * 86_400_000),
    })),
  });
  const people = (await prisma.person.findMany({ where: { ownerAgencyId: inspector.agency.id }, select: { id: true }, take: SCREENINGS })).map((p) => p.id);
  // Ciphertext of a real record (never read back by these pages; it gives the rows their width).
  const cipher = (await prisma.supportPlanGoal.findFirstOrThrow({ select: { id: true } })).id;
  await database.withConnection((c) =>
    c.query(
      `INSERT INTO screening (id, person_id, school_agency_id, territory_id, screener_user_id, asq_version_id, status, consent, answers, result, findings,
         started_at, completed_at, checklist_completed_at, assessment_due_at, assessment_done_at, rescreen_due_at, overdue_escalated_at, version)
       SELECT 'bench-scr-' || g, ($1::text[])[1 + (g % array_length($1::text[], 1))], $2, $3, $4, $5, 'completed', 'assent;guardian:will_be_informed', $6,
         r.result::"ScreeningResult", CASE WHEN g % 9 = 0 THEN ARRAY['racket'] ELSE ARRAY[]::text[] END, ts, ts,
         CASE WHEN r.result = 'acute_positive' AND g % 3 <> 0 THEN ts + interval '10 minutes' END,
         CASE r.result WHEN 'acute_positive' THEN ts + interval '24 hours' WHEN 'non_acute_positive' THEN ts + interval '72 hours' END,
         CASE WHEN r.result <> 'negative' AND g % 4 <> 0 THEN ts + interval '20 hours' END,
         CASE WHEN r.result <> 'negative' THEN ts + interval '30 days' END,
         -- Past deadlines as the overdue sweep leaves them (escalated once), so it does not run during the measurement.
         CASE WHEN r.result <> 'negative' AND g % 4 = 0 THEN ts + interval '3 days' END, 2
       FROM generate_series(1, $7::int) g
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 = 0 THEN 'acute_positive' WHEN g % 10 < 3 THEN 'non_acute_positive' ELSE 'negative' END AS result,
                                  now()::timestamp - (g % 60) * interval '1 day' AS ts) r`,
      [people, psychologist.agency.id, psychologist.agency.territoryId, pedagogue.id, instrumentVersionId("asq", 1), `kmk1.bench.${cipher}`, SCREENINGS],
    ),
  );
  await database.withConnection((c) =>
    c.query(
      `INSERT INTO screening_alert (id, screening_id, recipient_user_id, kind, created_at, read_at)
             SELECT 'bench-alert-' || s.id, s.id, $1, 'acute', s.completed_at, CASE WHEN random() < 0.5 THEN s.completed_at + interval '1 hour' END
             FROM screening s WHERE s.id LIKE 'bench-scr-%' AND s.result = 'acute_positive'`,
      [psychologist.id],
    ),
  );
  await prisma.$executeRawUnsafe("ANALYZE");
  console.log(
    `  ${fmt(SCREENINGS)} screenings of the psychologist's school, member of ${plans.length} plans: ${fmt((performance.now() - started) / 1000, 1)} s`,
  );
  return psychologist;
}

async function timeInProcess(label: string, runs: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  console.log(`  ${label.padEnd(36)} n=${runs}  p50 ${fmt(p50, 2)} ms  p95 ${fmt(percentile(samples, 95), 2)} ms`);
  return p50;
}

// wrk's summary as one line: requests, duration (µs), errors, latency percentiles (µs).
const WRK_SCRIPT = `done = function(summary, latency, requests)
  io.write(string.format("WRK %d %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    summary.errors.connect, summary.errors.read + summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
`;

const WRK_LUA = path.join(os.tmpdir(), `kamkor-bench-wrk-${process.pid}.lua`);

type WrkRun = { rps: number; p50: number; p95: number; p99: number; max: number; requests: number; non2xx: number; timeouts: number; socketErrors: number };

async function wrk(url: string, headers: Record<string, string>, connections: number, seconds = DURATION): Promise<WrkRun> {
  const args = ["-t2", `-c${connections}`, `-d${seconds}s`, "--timeout", "2s", "-s", WRK_LUA];
  for (const [name, value] of Object.entries({ "accept-encoding": "gzip", "accept-language": "ru", ...headers })) args.push("-H", `${name}: ${value}`);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", [...args, url], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
  });
  const line = output.split("\n").find((l) => l.startsWith("WRK "));
  if (!line) throw new Error(`no summary from wrk: ${output}`);
  const [requests, durationUs, connect, readWrite, status, timeout, p50, p95, p99, max] = line.split(" ").slice(1).map(Number);
  return {
    rps: requests / (durationUs / 1e6),
    p50: p50 / 1000,
    p95: p95 / 1000,
    p99: p99 / 1000,
    max: max / 1000,
    requests,
    non2xx: status,
    timeouts: timeout,
    socketErrors: connect + readWrite,
  };
}

/** Counts the statements PostgreSQL logged while `work` ran (log_statement = all meanwhile). */
async function countStatements(adminUrl: string, work: () => Promise<void>): Promise<{ total: number; statements: string[] }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const logFile = path.join(path.dirname((await admin.query<{ data_directory: string }>("SHOW data_directory")).rows[0].data_directory), "server.log");
    await admin.query("ALTER SYSTEM SET log_statement = 'all'");
    await admin.query("SELECT pg_reload_conf()");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = statSync(logFile).size;
    await work();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.query("ALTER SYSTEM RESET log_statement");
    await admin.query("SELECT pg_reload_conf()");
    const text = readFileSync(logFile, "utf8").slice(before);
    const statements = text
      .split("\n")
      .filter((l) => / LOG: {2}(statement|execute [^:]*): /.test(l))
      .map((l) => l.replace(/^.* LOG: {2}(statement|execute [^:]*): /, ""))
      .filter((l) => !l.startsWith("ALTER SYSTEM") && !l.startsWith("SELECT pg_reload_conf"));
    return { total: statements.length, statements };
  } finally {
    await admin.end();
  }
}

function startServer(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
}

async function waitFor(url: string) {
  for (let i = 0; ; i++) {
    if (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    if (i > 600) throw new Error(`${url} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopServer(server: ChildProcess | null) {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

async function main() {
  console.log(`bench:plans — ${fmt(PEOPLE)} people, ${fmt(PLANS)} plans, throwaway PostgreSQL 15 (fsync=off)`);
  execFileSync("bash", ["scripts/ensure-wrk.sh"], { stdio: "inherit" });
  const postgres = await startThrowawayPostgres({ label: "bench-plans" });
  const servers: ChildProcess[] = [];
  writeFileSync(WRK_LUA, WRK_SCRIPT);
  try {
    const { database, inspector } = await load(postgres.url);
    const psychologist = await loadScreeningUser(database, inspector);
    const context = { requestId: "bench", ip: "127.0.0.1" };

    console.log("\nQuery layer, in-process (one client at a time):");
    const real = await timeInProcess("listCaseload (policy + decryption)", 300, () => listCaseload({ user: inspector, context, page: 1 }));
    const bare = await timeInProcess("same query, no policy, no decryption", 300, async () => {
      const rows = await database.prisma.$queryRawUnsafe<Array<{ id: string; person_id: string; lead_user_id: string }>>(
        `SELECT id, person_id, lead_user_id, status, is_proposal, next_review_due FROM support_plan WHERE lead_user_id = $1
         ORDER BY next_review_due ASC NULLS LAST, id ASC LIMIT 51`,
        inspector.id,
      );
      await database.prisma.$queryRawUnsafe(
        `SELECT id, surname, given_name FROM person WHERE id = ANY($1::text[])`,
        rows.map((row) => row.person_id),
      );
      await database.prisma.$queryRawUnsafe(`SELECT id, display_name FROM app_user WHERE id = ANY($1::text[])`, [
        ...new Set(rows.map((row) => row.lead_user_id)),
      ]);
      await recordAudit({ actor: auditActor(inspector), action: "support_plan.list", decision: "allowed", fields: [], purpose: "bench", context });
    });
    await timeInProcess("badge by its definitions, inspector", 300, () => taskCounts(actorOf(inspector)));
    await timeInProcess("badge by its definitions, psychologist", 300, async () => {
      await taskCounts(actorOf(psychologist));
      await screeningTaskCount(psychologist);
    });

    const supervisor = await asUser("supervisor");
    await timeInProcess("listCaseload, district supervisor", 300, () => listCaseload({ user: supervisor, context, page: 1 }));

    console.log("\nEXPLAIN ANALYZE of the caseload page query (page 1):");
    for (const [label, user] of [
      ["inspector", inspector],
      ["supervisor", supervisor],
    ] as const) {
      const query = caseloadPageSql(actorOf(user), 0, 51);
      if (query === null || query === "empty") throw new Error(`no caseload SQL for ${label}`);
      const plan = await database.prisma.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN (ANALYZE, COSTS OFF) ${query.sql}`, ...query.params);
      console.log(`  ${label}:`);
      for (const row of plan) console.log(`    ${row["QUERY PLAN"]}`);
    }

    const cookieOf = async (userId: string) => (await startSession(userId, "full")).split(";")[0];
    const inspectorCookie = await cookieOf(inspector.id);
    const psychologistCookie = await cookieOf(psychologist.id);
    await closeDatabase();

    if (!SKIP_BUILD) {
      console.log(`\nBuilding the app into ${BUILD_DIR}/ and the bare page into build-bare/ …`);
      execFileSync("npx", ["remix", "build"], { env: { ...process.env, KAMKOR_BUILD_DIR: BUILD_DIR }, stdio: "ignore" });
      execFileSync("npx", ["remix", "build", "bench/bare"], { stdio: "ignore" });
    }
    const port = await freePort();
    const barePort = await freePort();
    const profileDir = path.resolve("bench-profiles");
    servers.push(
      // tsx as a loader in one node process, so --cpu-prof profiles the server itself.
      startServer("node", [...(CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "--import", "tsx", "scripts/start.ts"], {
        DATABASE_URL: postgres.url,
        KAMKOR_ROOT_KEY: ROOT_KEY,
        PORT: String(port),
        HOST: "127.0.0.1",
        KAMKOR_BUILD_DIR: BUILD_DIR,
        KAMKOR_LOG_LEVEL: "silent",
        NODE_ENV: "production",
      }),
      startServer("node", ["bench/bare/server.js"], { PORT: String(barePort), HOST: "127.0.0.1", NODE_ENV: "production" }),
    );
    const base = `http://127.0.0.1:${port}`;
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitFor(`${base}/healthz`);
    await waitFor(`${bareBase}/`);

    type Page = { label: string; url: string; cookie?: string; marker: string; bytes?: number };
    const pages: Page[] = [
      { label: "bare Remix page (50-row table)", url: `${bareBase}/`, marker: "row-49" },
      { label: "/healthz", url: `${base}/healthz`, marker: "ok" },
      { label: "/login (signed out)", url: `${base}/login`, marker: "password" },
      { label: "/people (inspector)", url: `${base}/people`, cookie: inspectorCookie, marker: 'name="pin"' },
      { label: "/home (inspector, 300 plans)", url: `${base}/home`, cookie: inspectorCookie, marker: "task-inbox" },
      { label: "/home (psychologist, 300 plans, 1,000 scr.)", url: `${base}/home`, cookie: psychologistCookie, marker: "task-inbox" },
      { label: "/plans (inspector, 300 plans)", url: `${base}/plans`, cookie: inspectorCookie, marker: "/plans/" },
    ];
    const get = (page: Page) => fetch(page.url, { headers: { "accept-language": "ru", ...(page.cookie ? { cookie: page.cookie } : {}) }, redirect: "manual" });
    for (const page of pages) {
      const response = await get(page);
      const html = await response.text();
      if (response.status !== 200 || !html.includes(page.marker)) throw new Error(`${page.label} answered ${response.status} without ${page.marker}`);
      page.bytes = Buffer.byteLength(html);
    }

    console.log("\nSQL statements per request (one request, log_statement = all):");
    for (const page of pages.slice(2)) {
      await get(page).then((r) => r.arrayBuffer()); // warm: the once-a-minute session touch is not counted
      const { total, statements } = await countStatements(postgres.adminUrl, async () => {
        await get(page).then((r) => r.arrayBuffer());
      });
      const transactions = statements.filter((s) => /^BEGIN/i.test(s)).length;
      console.log(`  ${page.label.padEnd(46)} ${String(total).padStart(3)} statements (${transactions} transactions), HTML ${fmt(page.bytes! / 1024, 1)} KiB`);
      if (SHOW_QUERIES) for (const statement of statements) console.log(`      ${statement.slice(0, 220)}`);
    }

    console.log(`\nHTTP: wrk -t2 -d${DURATION}s, keep-alive, gzip; production build; the same run for every row (2-core machine, shared):`);
    console.log(
      `  ${"page".padEnd(46)} ${"conns".padStart(5)} ${"req/s".padStart(7)} ${"% bare¹".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`,
    );
    const results = new Map<string, WrkRun>();
    // The bare page first and again last: other load on the machine drifts during a run, so each
    // page is compared with the mean of the two.
    const bareAgain = { ...pages[0], label: "bare Remix page, again at the end" };
    const bareMean = (connections: number) => {
      const first = results.get(`${pages[0].label}|${connections}`)!;
      const last = results.get(`${bareAgain.label}|${connections}`);
      return last ? (first.rps + last.rps) / 2 : first.rps;
    };
    for (const page of [...pages, bareAgain]) {
      await wrk(page.url, page.cookie ? { cookie: page.cookie } : {}, 8, 2); // warm-up (JIT, connection pool), discarded
      for (const connections of [8, 32]) {
        const run = await wrk(page.url, page.cookie ? { cookie: page.cookie } : {}, connections);
        results.set(`${page.label}|${connections}`, run);
        const errors = run.non2xx + run.timeouts + run.socketErrors;
        console.log(
          `  ${page.label.padEnd(46)} ${String(connections).padStart(5)} ${fmt(run.rps).padStart(7)} ${`${fmt((100 * run.rps) / results.get(`${pages[0].label}|${connections}`)!.rps)}%`.padStart(7)} ${fmt(run.p50, 1).padStart(8)} ${fmt(run.p95, 1).padStart(8)} ${fmt(run.p99, 1).padStart(8)} ${String(errors).padStart(7)}` +
            (errors ? `  (${run.non2xx} non-2xx, ${run.timeouts} timeouts, ${run.socketErrors} socket)` : ""),
        );
      }
    }

    console.log("  ¹ against the first bare run; the targets below use the mean of the first and last.");
    const r = (label: string, connections: number) => results.get(`${pages.find((p) => p.label.startsWith(label))!.label}|${connections}`)!;
    const bare32 = { rps: bareMean(32) };
    console.log(`\n  bare page, mean of first and last run: ${fmt(bareMean(8))} req/s at 8 connections, ${fmt(bare32.rps)} at 32 (the ratios below use it)`);
    const overheadMs = real - bare;
    console.log("\nTargets (issue 10):");
    // wrk leaves timed-out requests out of its percentiles: a run with timeouts does not pass on latency.
    const fast = (run: WrkRun) => run.timeouts === 0 && run.requests > 0 && run.p95 < 100;
    const line = (label: string, value: string, ok: boolean) => console.log(`  ${ok ? "PASS" : "MISS"}  ${label.padEnd(58)} ${value}`);
    line("/plans p95 < 100 ms at 8 connections", `${fmt(r("/plans", 8).p95, 1)} ms`, fast(r("/plans", 8)));
    line("/home p95 < 100 ms at 8 connections (inspector)", `${fmt(r("/home (inspector", 8).p95, 1)} ms`, fast(r("/home (inspector", 8)));
    line("/home p95 < 100 ms at 8 connections (300 plans, 1,000 scr.)", `${fmt(r("/home (psych", 8).p95, 1)} ms`, fast(r("/home (psych", 8)));
    line(
      "/plans ≥ 25% of the bare page at 32 connections",
      `${fmt(r("/plans", 32).rps)} / ${fmt(bare32.rps)} = ${fmt((100 * r("/plans", 32).rps) / bare32.rps)}%`,
      r("/plans", 32).rps / bare32.rps >= 0.25,
    );
    line(
      "/login ≥ 60% of the bare page at 32 connections",
      `${fmt(r("/login", 32).rps)} / ${fmt(bare32.rps)} = ${fmt((100 * r("/login", 32).rps) / bare32.rps)}%`,
      r("/login", 32).rps / bare32.rps >= 0.6,
    );
    const timeouts = [...results.values()].reduce((sum, run) => sum + run.timeouts + run.non2xx + run.socketErrors, 0);
    line("no timeouts or errors in any run", `${timeouts}`, timeouts === 0);
    console.log(`        (encryption + policy on the query layer: ${fmt(real, 2)} ms vs ${fmt(bare, 2)} ms without, Δ ${fmt(overheadMs, 2)} ms per request)`);
    if (CPU_PROF) console.log(`        (CPU profiles of the app server: ${profileDir}/ once it has stopped)`);
  } finally {
    for (const server of servers) stopServer(server);
    rmSync(WRK_LUA, { force: true });
    await closeDatabase();
    // Let the app server write its profile and close its pool before the cluster goes.
    await new Promise((resolve) => setTimeout(resolve, CPU_PROF ? 3_000 : 500));
    await postgres.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
