/**
 * `npm run bench:plans [-- --people=100000 --plans=30000 --skip-build]`: the lead's caseload
 * page (/plans: 50 rows, decrypted child names, policy-filtered) through the real HTTP stack,
 * on a throwaway PostgreSQL 15 cluster. Prints figures, asserts nothing (decision 007).
 *
 * Method (docs/decisions/014-person-registry-and-tasks.md):
 *  1. load 100,000 people through the encrypting client (createMany in chunks: every name is
 *     really encrypted and blind-indexed) and 30,000 plans (≈ 300 led by the demo inspector,
 *     the rest spread over 400 synthetic leads and all territories);
 *  2. build the app into build-bench/ and start scripts/start.ts on a free loopback port;
 *  3. sign the inspector in by writing a session row directly (what the TOTP step does);
 *  4. a bounded Node load generator (fetch/undici, keep-alive, fixed request counts):
 *     latency with 8 concurrent clients, throughput with 32, for /plans and for the bare
 *     sign-in page /login;
 *  5. encryption + policy cost: measured in-process on the query layer, the real
 *     listCaseload against a variant with the same query shape, the same audit write, but no
 *     policy filter and no decryption (raw SQL returning ciphertext). The difference per
 *     request is then set against the HTTP page latency of one client at a time (the latency
 *     under 8 clients is mostly queueing, and dividing by it would make the share look smaller).
 *  6. EXPLAIN ANALYZE of the caseload page query (caseload-query.server.ts) for the inspector
 *     and the district supervisor, to show each policy scope walks an index.
 *
 * The load generator runs in this process on the same 2 cores as the server and PostgreSQL:
 * its CPU time per request is printed next to each run, so the figures can be read with it.
 */
import { execFileSync, spawn } from "node:child_process";
import net from "node:net";
import { pathToFileURL } from "node:url";
import type { Prisma } from "~/generated/prisma/client.ts";
import { caseloadPageSql } from "~/modules/support-plans/caseload-query.server";
import { listCaseload } from "~/modules/support-plans/support-plans.server";
import { actorOf } from "~/server/authorization.server";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { startSession } from "~/server/auth/session.server";
import { closeDatabase } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { seedDemo } from "~seeds/demo";
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

type Run = { latencies: number[]; seconds: number; errors: number; generatorCpuMs: number };

/** `clients` loops, each doing `perClient` sequential GETs; fixed counts, loopback only. */
async function drive(url: string, cookie: string | null, clients: number, perClient: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        const response = await fetch(url, { headers: cookie ? { cookie, "accept-language": "ru" } : { "accept-language": "ru" }, redirect: "manual" });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) errors++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { latencies, seconds: (performance.now() - started) / 1000, errors, generatorCpuMs: (used.user + used.system) / 1000 };
}

function report(label: string, run: Run) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(36)} n=${run.latencies.length}  p50 ${fmt(percentile(sorted, 50), 1)} ms  p95 ${fmt(percentile(sorted, 95), 1)} ms  ${fmt(run.latencies.length / run.seconds)} req/s` +
      `  (load generator: ${fmt(run.generatorCpuMs / run.latencies.length, 2)} ms CPU/request)${run.errors ? `  (${run.errors} non-200!)` : ""}`,
  );
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: run.latencies.length / run.seconds };
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

async function main() {
  console.log(`bench:plans — ${fmt(PEOPLE)} people, ${fmt(PLANS)} plans, throwaway PostgreSQL 15`);
  const postgres = await startThrowawayPostgres({ label: "bench-plans" });
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const { database, inspector } = await load(postgres.url);
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

    const cookieLine = await startSession(inspector.id, "full");
    const cookie = cookieLine.split(";")[0];
    await closeDatabase();

    if (!SKIP_BUILD) {
      console.log(`\nBuilding the app into ${BUILD_DIR}/ …`);
      execFileSync("npx", ["remix", "build"], { env: { ...process.env, KAMKOR_BUILD_DIR: BUILD_DIR }, stdio: "ignore" });
    }
    const port = await freePort();
    server = spawn("npx", ["tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: postgres.url,
        KAMKOR_ROOT_KEY: ROOT_KEY,
        PORT: String(port),
        HOST: "127.0.0.1",
        KAMKOR_BUILD_DIR: BUILD_DIR,
        KAMKOR_LOG_LEVEL: "silent",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (
        (await fetch(`${base}/healthz`).then(
          (r) => r.status,
          () => 0,
        )) === 200
      )
        break;
      if (i > 600) throw new Error("server did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const check = await fetch(`${base}/plans`, { headers: { cookie }, redirect: "manual" });
    const html = await check.text();
    if (check.status !== 200 || !html.includes("/plans/")) throw new Error(`caseload page answered ${check.status}`);

    console.log("\nHTTP (build-bench, NODE_ENV=production, loopback, keep-alive):");
    await drive(`${base}/plans`, cookie, 8, 25); // warm-up
    const c1 = report("/plans caseload, 1 client", await drive(`${base}/plans`, cookie, 1, 200));
    const c8 = report("/plans caseload, 8 clients", await drive(`${base}/plans`, cookie, 8, 100));
    const c32 = report("/plans caseload, 32 clients", await drive(`${base}/plans`, cookie, 32, 60));
    // A signed-in page without a list or an audit write: root loader (session, menu, task counts) + search form.
    const p32 = report("/people signed-in form, 32 clients", await drive(`${base}/people`, cookie, 32, 60));
    await drive(`${base}/login`, null, 8, 25);
    const b32 = report("/login bare page, 32 clients", await drive(`${base}/login`, null, 32, 60));

    const overheadMs = real - bare;
    console.log("\nTargets:");
    const line = (label: string, value: string, ok: boolean) => console.log(`  ${ok ? "PASS" : "MISS"}  ${label.padEnd(52)} ${value}`);
    line("p95 < 50 ms with 8 clients", `${fmt(c8.p95, 1)} ms`, c8.p95 < 50);
    line("≥ 300 req/s with 32 clients", `${fmt(c32.rps)} req/s`, c32.rps >= 300);
    line(
      "encryption + policy < 15% of the page (in-process Δ / 1-client p50)",
      `${fmt(overheadMs, 2)} ms / ${fmt(c1.p50, 1)} ms = ${fmt((100 * overheadMs) / c1.p50, 1)}%`,
      overheadMs / c1.p50 < 0.15,
    );
    console.log(`        (the same Δ against the 8-client p50, which is mostly queueing: ${fmt((100 * overheadMs) / c8.p50, 1)}%)`);
    console.log(`        (query layer alone: ${fmt(real, 2)} ms vs ${fmt(bare, 2)} ms = ${fmt((100 * (real - bare)) / bare, 0)}% more)`);
    console.log(`        (signed-in page without list or audit: ${fmt(p32.rps)} req/s)`);
    line("caseload ≥ 1/4 of the bare page's throughput", `${fmt(c32.rps)} / ${fmt(b32.rps)} = ${fmt(c32.rps / b32.rps, 2)}`, c32.rps / b32.rps >= 0.25);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await closeDatabase();
    await postgres.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
