/**
 * `npm run bench:audit` (also a section of `npm run bench:crypto`): the audit log's costs on
 * a real PostgreSQL 15 (a throwaway cluster, removed afterwards). Prints figures, asserts
 * nothing (docs/decisions/007-test-layers.md).
 *   1. Append cost per event (recordAudit, mean and p95) with 1 and 4 concurrent writers in
 *      one app server, and with 4 app-server processes appending at once. Target: < 1 ms.
 *   2. Chain verification rate over ≥ 200,000 valid events. Target: > 100,000 events/s.
 *   3. /audit search query latency at 1,000,000 events, per kind of filter (keyset pages).
 * The throwaway cluster runs with fsync off; on a production server each commit also waits
 * for its WAL flush, which group commit (several events per statement) amortises.
 */
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { auditPage, personAccessReport } from "~/modules/audit/audit-log.server";
import type { AuditFilter } from "~/modules/audit/audit-filter.schema";
import { auditAppendStats, buildAuditRow, chainHash, recordAudit, type AuditInput } from "~/server/audit/audit.server";
import { verifyAuditChain } from "~/server/audit/verify.server";
import type { AuthorizedUser } from "~/server/authorization.server";
import { closeDatabase, getDatabase } from "~/server/db.server";
import { parseEnv } from "~/server/env.server";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";
import { useEngine } from "../tests/support/engines";

/** A fixed, bench-only root key (the bench never touches real data). */
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-bench-audit").toString("base64");

const VERIFY_EVENTS = Number(process.env.BENCH_AUDIT_VERIFY_EVENTS ?? 200_000);
const QUERY_EVENTS = Number(process.env.BENCH_AUDIT_QUERY_EVENTS ?? 1_000_000);
const APPENDS_PER_WRITER = Number(process.env.BENCH_AUDIT_APPENDS ?? 2_000);

const actor = { userId: "bench-user-1", username: "inspector", roles: ["juvenile_inspector"], agencyId: "bench-agency", sessionId: "bench-session" };
const sample = (n: number): AuditInput => ({
  actor,
  action: "person.read",
  decision: "allowed",
  record: { type: "person", id: `bench-person-${n % 1000}` },
  fields: ["surname", "givenName", "birthDate"],
  context: { requestId: `bench-request-${n}`, ip: "10.1.2.3" },
});

type Stats = { count: number; mean: number; p50: number; p95: number; max: number };
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { count: sorted.length, mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
const ms = (value: number) => `${value.toFixed(3)} ms`;
const line = (label: string, s: Stats, extra = "") =>
  console.log(`  ${label.padEnd(46)} mean ${ms(s.mean).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  (n=${s.count})${extra}`);

/** Appends `count` events one after another, timing each recordAudit call. */
async function writer(count: number, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const started = performance.now();
    await recordAudit(sample(offset + n));
    times.push(performance.now() - started);
  }
  return times;
}

/** Child-process mode: one "app server" appending; prints its timings as JSON. */
async function childWriter(url: string, count: number, startAt: number): Promise<void> {
  await getDatabase(parseEnv({ DATABASE_URL: url, KAMKOR_ROOT_KEY: process.env.KAMKOR_ROOT_KEY }));
  await writer(100, 0); // warm-up: connection, plans
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const started = performance.now();
  const times = await writer(count, process.pid * 100_000);
  process.stdout.write(JSON.stringify({ times, elapsed: performance.now() - started, stats: auditAppendStats }));
  await closeDatabase();
}

type ChildResult = { times: number[]; elapsed: number; stats: typeof auditAppendStats };
function runChild(url: string, count: number, startAt: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--writer", url, String(count), String(startAt)], {
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer exited with ${code}`))));
  });
}

async function benchAppend(url: string): Promise<void> {
  console.log(`\nAudit append (recordAudit → one audit_append statement; target < 1 ms per request)`);
  await writer(200, 0); // warm-up
  {
    const started = performance.now();
    const times = await writer(APPENDS_PER_WRITER, 1_000_000);
    const elapsed = performance.now() - started;
    line("1 writer", stats(times), `  ${Math.round((times.length * 1000) / elapsed)} events/s`);
  }
  {
    const started = performance.now();
    const all = await Promise.all(Array.from({ length: 4 }, (_, w) => writer(APPENDS_PER_WRITER, 2_000_000 + w * APPENDS_PER_WRITER)));
    const elapsed = performance.now() - started;
    const times = all.flat();
    line("4 concurrent writers, one app server", stats(times), `  ${Math.round((times.length * 1000) / elapsed)} events/s`);
    console.log(`    (group commit: ${(auditAppendStats.events / auditAppendStats.groups).toFixed(2)} events per statement on average so far)`);
  }
  {
    const startAt = Date.now() + 4_000;
    const results = await Promise.all(Array.from({ length: 4 }, () => runChild(url, APPENDS_PER_WRITER, startAt)));
    const times = results.flatMap((result) => result.times);
    const elapsed = Math.max(...results.map((result) => result.elapsed));
    line("4 app-server processes, 1 writer each", stats(times), `  ${Math.round((times.length * 1000) / elapsed)} events/s`);
    const sum = (field: keyof typeof auditAppendStats) => results.reduce((total, result) => total + result.stats[field], 0);
    console.log(
      `    (statements per event ${((sum("groups") + sum("misses")) / sum("events")).toFixed(2)}; head moved by another server: ${sum("misses")} times; appended holding the lock: ${sum("locked")} groups)`,
    );
  }
}

/** Extends the chain with `count` valid events: linked in Node, written 1,000 per audit_append call. */
async function buildValidChain(client: pg.Client, count: number): Promise<void> {
  let [{ last_hash: head }] = (await client.query("SELECT last_hash FROM audit_chain_head WHERE id = 1")).rows;
  const base = Date.now() - count;
  for (let done = 0; done < count;) {
    const size = Math.min(1000, count - done);
    const prev = head;
    const rows = Array.from({ length: size }, (_, i) => {
      const row = buildAuditRow({ ...sample(done + i), at: new Date(base + done + i) });
      const hash = chainHash(head, row);
      const stored = { ...row, n: i, prevHash: head, hash };
      head = hash;
      return stored;
    });
    const { rows: result } = await client.query("SELECT audit_append($1::jsonb, $2, $3) AS head", [JSON.stringify(rows), prev, head]);
    if (result[0].head !== head) throw new Error("chain head moved while building the bench chain");
    done += size;
  }
}

async function benchVerify(client: pg.Client): Promise<void> {
  const [{ count: existing }] = (await client.query("SELECT count(*)::int AS count FROM audit_event")).rows;
  const missing = Math.max(0, VERIFY_EVENTS - existing);
  console.log(`\nChain verification (target > 100,000 events/s)`);
  const built = performance.now();
  await buildValidChain(client, missing);
  console.log(
    `  built ${missing.toLocaleString("en-US")} valid events in ${((performance.now() - built) / 1000).toFixed(1)} s (linked in Node, 1,000 per statement)`,
  );
  for (const batchSize of [5_000, 20_000]) {
    const result = await verifyAuditChain({ batchSize });
    if (!result.ok) throw new Error("bench chain does not verify");
    console.log(
      `  verify ${result.checked.toLocaleString("en-US")} events, batches of ${batchSize.toLocaleString("en-US")}: ${(result.elapsedMs / 1000).toFixed(2)} s → ${Math.round(result.eventsPerSecond).toLocaleString("en-US")} events/s`,
    );
  }
}

/** Fills the log up to QUERY_EVENTS with synthetic events (no valid chain needed for timing queries). */
async function fillForQueries(client: pg.Client): Promise<void> {
  const [{ count: existing, max }] = (await client.query("SELECT count(*)::int AS count, coalesce(max(seq), 0)::bigint AS max FROM audit_event")).rows;
  const missing = Math.max(0, QUERY_EVENTS - existing);
  const started = performance.now();
  // 500 users (1% of events are failed sign-ins by typed names), 100,000 people, a year of events.
  await client.query(
    `INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, actor_roles, actor_agency_id, session_hash,
       action, record_type, record_id, fields, purpose, decision, request_id, ip, prev_hash, hash)
     SELECT 'gen-' || n || '-' || $2::text,
       timestamptz '2025-12-01 00:00:00+06' + n * interval '30 seconds',
       CASE WHEN n % 100 = 0 THEN NULL ELSE 'bench-user-' || (n % 500) END,
       CASE WHEN n % 100 = 0 THEN 'guess-' || (n % 997) ELSE 'user' || (n % 500) END,
       CASE WHEN n % 100 = 0 THEN ARRAY[]::text[] ELSE ARRAY['social_worker'] END,
       CASE WHEN n % 100 = 0 THEN NULL ELSE 'bench-agency-' || (n % 40) END,
       md5(n::text),
       a.action,
       CASE WHEN a.action LIKE 'person.%' OR a.action IN ('record.read_denied', 'break_glass.open') THEN 'person' END,
       CASE WHEN a.action LIKE 'person.%' OR a.action IN ('record.read_denied', 'break_glass.open') THEN 'person-' || ((n::bigint * 7919) % 100000) END,
       CASE WHEN a.action = 'person.read' THEN ARRAY['surname', 'givenName', 'birthDate'] ELSE ARRAY[]::text[] END,
       NULL,
       (CASE WHEN a.action = 'record.read_denied' THEN 'denied' WHEN n % 100 = 0 OR n % 97 = 0 THEN 'failed' ELSE 'allowed' END)::"AuditDecision",
       'req-' || n, '10.' || (n % 250) || '.0.1', 'x', 'x'
     FROM generate_series(1, $1::int) AS n,
     LATERAL (SELECT CASE
       WHEN n % 100 = 0 THEN 'auth.sign_in'
       WHEN n % 5000 = 1 THEN 'audit.export'
       ELSE (ARRAY['person.read','person.read','person.read','person.read','person.read','person.read','person.read','person.read',
                   'person.read','person.read','person.read','person.read','person.search','person.search','auth.sign_in','auth.totp',
                   'auth.sign_out','audit.search','break_glass.open','record.read_denied'])[1 + n % 20]
       END AS action) a`,
    [missing, String(max)],
  );
  await client.query("ANALYZE audit_event");
  console.log(`\n/audit search at ${QUERY_EVENTS.toLocaleString("en-US")} events (keyset pages of 50, through the page's own query code)`);
  console.log(`  generated ${missing.toLocaleString("en-US")} synthetic events with generate_series in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function timeIt(label: string, run: () => Promise<unknown>, runs = 30): Promise<void> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  line(label, stats(times));
}

async function benchQueries(client: pg.Client): Promise<void> {
  const [{ max }] = (await client.query("SELECT max(seq)::text AS max FROM audit_event")).rows;
  const middle = BigInt(max) / 2n;
  const page =
    (filter: AuditFilter, cursor: { before?: bigint; after?: bigint } = {}) =>
    () =>
      auditPage(filter, cursor);
  await timeIt("newest events, no filter", page({}));
  await timeIt("no filter, page in the middle (before=seq)", page({}, { before: middle }));
  await timeIt("no filter, previous page (after=seq)", page({}, { after: middle }));
  await timeIt("action = person.read (60% of events)", page({ action: "person.read" }));
  await timeIt("action = audit.export (rare), deep history", page({ action: "audit.export" }, { before: middle }));
  await timeIt("user = user42 (0.2% of events)", page({ user: "user42" }));
  await timeIt("user = guess-5 (failed sign-ins only)", page({ user: "guess-5" }));
  await timeIt("record = person / person-4242", page({ recordType: "person", recordId: "person-4242" }));
  await timeIt("decision = denied (5%)", page({ decision: "denied" }));
  await timeIt("period = one day, half a year back", page({ from: "2026-06-01", to: "2026-06-01" }));
  await timeIt("period = one week, last week", page({ from: "2026-11-05", to: "2026-11-11" }));
  await timeIt("user + action (user42, person.search)", page({ user: "user42", action: "person.search" }));
  await timeIt("user + period (user42, one month)", page({ user: "user42", from: "2026-03-01", to: "2026-03-31" }));
  await timeIt("who has seen person-4242 (report + page)", async () => {
    // The report audits itself; time the reads as the page does them, under an auditor.
    await personAccessReport({ user: benchAuditor, context: undefined, personId: "person-4242", cursor: {} });
  });
}

/** auditActor reads only id, username, roles, agency.id and sessionId. */
const benchAuditor = {
  id: "bench-auditor",
  username: "bench-auditor",
  roles: ["auditor"],
  sessionId: "bench-session",
  agency: { id: "bench-agency" },
} as unknown as AuthorizedUser;

/** The whole audit benchmark: starts and removes its own PostgreSQL cluster. */
export async function benchAudit(): Promise<void> {
  console.log("Audit log benchmark (PostgreSQL 15 throwaway cluster, fsync off; Node " + process.version + ")");
  const cluster = await startThrowawayPostgres({ label: "bench-audit" });
  try {
    await useEngine("postgres", cluster.url);
    await benchAppend(cluster.url);
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await benchVerify(client);
      await fillForQueries(client);
      await benchQueries(client);
    } finally {
      await client.end();
    }
  } finally {
    await closeDatabase();
    await cluster.stop();
  }
}

// Run when executed (npm run bench:audit); bench-crypto.ts imports benchAudit instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === "--writer") await childWriter(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
  else await benchAudit();
}
