/**
 * `npm run bench:orders [-- --rows=200000 --sequences=40 --clients=4 --board-runs=100]`: the
 * protection-order write path and the supervisor's board (issue 11) on a throwaway PostgreSQL 15
 * cluster (fsync off) holding 200,000 stored orders. Prints figures, asserts nothing (decision 010).
 * Targets: each write p95 < 50 ms with 4 concurrent clients; board p95 < 100 ms at 200k orders.
 *
 * Method:
 *  1. the demo data (accounts, districts, rule set, risk checklist, the demo orders); then one real
 *     order issued, served, checked and violated through the commands, whose encrypted columns
 *     (narrative, service note, risk answers, check note and statement, violation description) are
 *     read back as `kmk1.` ciphertext and reused by the bulk fill. Each ciphertext is bound to that
 *     one record (the field's place is authenticated), so the bulk rows would not decrypt — the
 *     bench never reads them (the board decrypts nothing); they give the tables their real width.
 *  2. 200,000 orders bulk-generated in SQL with generate_series over every district (10 % of them
 *     in Leninsky district of Bishkek, the bench supervisor's), issued over two years: 90 % ended
 *     (expired or revoked, with outcomes), 10 % open (issued, served, active, extended; some
 *     overdue, expiring, with a re-assessment due). Per order: an incident account, two parties,
 *     two conditions (5 % "attend a programme"), a risk assessment, checks (done and planned), 10 %
 *     a violation, an alert, chronology entries for both parties. Then ANALYZE.
 *  3. writes in-process through the real command functions the routes call (policy, validation,
 *     encryption, version check, chronology, alerts, audit, notifier): `--clients` loops, each
 *     running sequences of issue → serve → 3 checks → 1 violation for the demo officer on the demo
 *     household. Latency per write kind: p50 / p95 / max.
 *  4. the district board (orderBoard as the police supervisor of Leninsky district, audit included)
 *     `--board-runs` times at one client; then EXPLAIN ANALYZE of its queries.
 * HTTP, sign-in and rendering are not included (see bench:plans for the page stack).
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import { orderBoard } from "~/modules/protection-orders/order-board.server";
import { issueOrder, recordCheck, recordViolation, serveOrder } from "~/modules/protection-orders/order-commands.server";
import type { IssueOrderInput } from "~/modules/protection-orders/orders.schema";
import type { RiskAnswers } from "~/modules/protection-orders/risk-instrument";
import { closeDatabase, type Database } from "~/server/db.server";
import { RecordingNotifier, setExternalNotifier } from "~/server/notify/notifier.server";
import { ORDER_RISK_V1 } from "~seeds/data/order-risk-instrument";
import { demoAgencyCode, instrumentVersionId, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { useEngine } from "../tests/support/engines";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";
import { asUser } from "../tests/support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-bench-orders").toString("base64");

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const ROWS = Number(option("rows") ?? 200_000);
const SEQUENCES = Number(option("sequences") ?? 40);
const CLIENTS = Number(option("clients") ?? 4);
const BOARD_RUNS = Number(option("board-runs") ?? 100);

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(label: string, samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  console.log(
    `  ${label.padEnd(34)} n=${String(sorted.length).padEnd(5)} p50 ${fmt(percentile(sorted, 50), 1).padStart(6)} ms   p95 ${fmt(p95, 1).padStart(6)} ms   max ${fmt(sorted[sorted.length - 1], 1).padStart(6)} ms`,
  );
  return p95;
}
const loadLine = () =>
  `load average ${os
    .loadavg()
    .map((value) => fmt(value, 2))
    .join(" / ")} (1/5/15 min) on ${os.cpus().length} cores`;

const context = { requestId: "bench", ip: "127.0.0.1" };
const RISK = instrumentVersionId("order-risk", 1);
const PROTECTED = stableId("person", "po-temirova-aidana");
const RESPONDENT = stableId("person", "po-temirov-bolot");
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const answers = (...yes: string[]): RiskAnswers => Object.fromEntries(ORDER_RISK_V1.items.map((item) => [item.code, yes.includes(item.code) ? "yes" : "no"]));
const MEDIUM = answers("escalation", "separation", "substance_use", "stalking", "coercive_control", "isolation");
const NARRATIVE =
  "Со слов заявительницы, вечером муж пришёл домой в состоянии опьянения, начал скандал из-за денег, толкнул её на шкаф, " +
  "ударил по лицу, угрожал выгнать из дома вместе с детьми. Соседи вызвали милицию. На руках и лице видны синяки. " +
  "Ранее, по её словам, подобное происходило несколько раз в месяц, в полицию она не обращалась, боясь огласки.";

type Officer = Awaited<ReturnType<typeof asUser>>;

function issueInput(issuedAt: Date): IssueOrderInput {
  return {
    protectedPersonId: PROTECTED,
    respondentPersonId: RESPONDENT,
    childIds: [],
    reason: "physical",
    issuedAt,
    days: 3,
    narrative: NARRATIVE,
    cond_no_violence: true,
    cond_no_contact: true,
    cond_no_approach: false,
    cond_no_whereabouts: false,
    cond_attend_programme: false,
    cond_other: false,
    approachMetres: null,
    otherCondition: null,
    instrumentVersionId: RISK,
    riskAnswers: MEDIUM,
    judgementLevel: undefined,
    judgementReason: null,
  };
}

const must = (label: string, result: { ok: boolean }) => {
  if (!result.ok) throw new Error(`${label}: ${JSON.stringify(result)}`);
};

/** One sequence: issue → serve → 3 checks → 1 violation, each write timed into `samples`. */
async function sequence(database: Database, officer: Officer, samples: Record<string, number[]>) {
  const timed = async <T extends { ok: boolean }>(kind: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    samples[kind].push(performance.now() - start);
    must(kind, result);
    return result;
  };
  const now = Date.now();
  const issued = await timed("issue", () => issueOrder({ user: officer, context, input: issueInput(new Date(now - HOUR)) }));
  const orderId = (issued as { id: string }).id;
  let version = 1;
  await timed("serve", () =>
    serveOrder({
      user: officer,
      context,
      orderId,
      input: { version, servedAt: new Date(now - 50 * MINUTE), serviceNote: "Вручено лично по месту жительства" },
    }),
  );
  version += 1;
  for (let i = 0; i < 3; i++) {
    await timed("check", () =>
      recordCheck({
        user: officer,
        context,
        orderId,
        input: {
          version,
          childIds: [],
          doneAt: new Date(now - (40 - i * 10) * MINUTE),
          method: i === 1 ? "call" : "visit",
          outcome: "complied",
          note: "Ответчик по адресу не появлялся, соседи подтверждают",
          protectedConfirmed: "yes",
          protectedStatement: "Не звонил и не приходил",
          instrumentVersionId: RISK,
          riskAnswers: MEDIUM,
          judgementLevel: undefined,
          judgementReason: null,
        },
      }),
    );
    version += 1;
  }
  const condition = await database.prisma.protectionOrderCondition.findFirstOrThrow({ where: { orderId, kind: "no_contact" }, select: { id: true } });
  await timed("violation", () =>
    recordViolation({
      user: officer,
      context,
      orderId,
      input: {
        version,
        conditionId: condition.id,
        occurredAt: new Date(now - 5 * MINUTE),
        description: "Звонил ночью с чужого номера, угрожал",
        action: "warning",
      },
    }),
  );
}

async function main() {
  console.log(`bench:orders — ${fmt(ROWS)} stored orders, ${CLIENTS} concurrent clients × ${SEQUENCES} sequences, throwaway PostgreSQL 15 (fsync=off)`);
  console.log(`  machine: ${loadLine()}`);
  const postgres = await startThrowawayPostgres({ label: "bench-ord" });
  try {
    const database = await useEngine("postgres", postgres.url);
    await seedDemo(database.prisma);
    const officer = await asUser("officer");
    const supervisor = await asUser("supervisor-police");
    const notifier = new RecordingNotifier();
    setExternalNotifier(notifier);

    // 1. Real ciphertext, produced once through the commands and the encrypting client.
    const samples: Record<string, number[]> = { issue: [], serve: [], check: [], violation: [] };
    await sequence(database, officer, samples);
    const [cipher] = await database.withConnection((c) =>
      c.query<{ narrative: string; service_note: string; answers: string; note: string; statement: string; description: string }>(
        `SELECT i.narrative, o.service_note, r.answers, k.note, k.protected_statement AS statement, v.description
           FROM protection_order o JOIN incident_account i ON i.id = o.incident_account_id
           JOIN order_risk_assessment r ON r.order_id = o.id JOIN compliance_check k ON k.order_id = o.id AND k.note IS NOT NULL
           JOIN order_violation v ON v.order_id = o.id
          WHERE o.service_note IS NOT NULL ORDER BY o.created_at DESC LIMIT 1`,
      ),
    );
    console.log(
      `  ciphertext sizes reused by the fill: narrative ${cipher.narrative.length} B, risk answers ${cipher.answers.length} B, check note ${cipher.note.length} B, violation ${cipher.description.length} B`,
    );

    // 2. Bulk fill.
    const territories = (await database.prisma.territory.findMany({ where: { kind: { not: "region" } }, select: { id: true } })).map((t) => t.id);
    const district = stableId("territory", "KG-GB-LEN");
    const refs = {
      rule: stableId("order-rule-set", "kg-2017-63"),
      agency: stableId("agency", demoAgencyCode("police_department", "bishkek-len")),
    };
    let t0 = performance.now();
    const chunk = 50_000;
    for (let offset = 0; offset < ROWS; offset += chunk) {
      const from = offset + 1;
      const to = Math.min(ROWS, offset + chunk);
      const params = [
        from,
        to,
        territories,
        district,
        refs.rule,
        refs.agency,
        RISK,
        cipher.narrative,
        cipher.service_note,
        cipher.answers,
        cipher.note,
        cipher.statement,
        cipher.description,
      ];
      await database.withConnection(async (c) => {
        // The orders: g % 100 < 90 ended, the rest open; open ones issued in the last 3 days (or extended for longer).
        await c.exec(
          `CREATE TEMP TABLE IF NOT EXISTS bench_gen (g int PRIMARY KEY, id text, territory text, state text, issued timestamptz, officer text);
           TRUNCATE bench_gen;`,
        );
        await c.query(
          `INSERT INTO bench_gen
           SELECT g, 'bench-order-' || g,
             CASE WHEN (g / 100) % 10 = 0 THEN $4 ELSE ($3::text[])[1 + (g % array_length($3::text[], 1))] END,
             CASE WHEN g % 100 < 85 THEN 'expired' WHEN g % 100 < 90 THEN 'revoked' WHEN g % 100 < 92 THEN 'issued'
                  WHEN g % 100 < 95 THEN 'served' WHEN g % 100 < 98 THEN 'active' ELSE 'extended' END,
             CASE WHEN g % 100 < 90 THEN now() - interval '4 days' - (g % 720) * interval '1 day' - (g % 86400) * interval '1 second'
                  WHEN g % 100 < 98 THEN now() - (g % 70) * interval '1 hour' - interval '30 minutes'
                  ELSE now() - (3 + g % 20) * interval '1 day' END,
             'bench-officer-' || (g % 3000)
           FROM generate_series($1::int, $2::int) g`,
          params.slice(0, 4),
        );
        await c.query(
          `INSERT INTO incident_account (id, person_id, narrative, recorded_by_id, agency_id, recorded_at)
           SELECT 'bench-incident-' || g, 'bench-person-p' || g, $2, officer, $1, issued FROM bench_gen`,
          [refs.agency, cipher.narrative],
        );
        await c.query(
          `INSERT INTO protection_order (id, status, reason, issuing_user_id, issuing_agency_id, responsible_user_id, territory_id, rule_set_id,
             incident_account_id, involves_child, issued_at, served_at, service_note, expires_at, risk_level, next_check_due_at, violation_count,
             last_violation_at, reassessment_due_at, revoked_at, revocation_reason, ended_at, outcome, expiry_notice_sent_at, check_escalated_at, created_at, version)
           SELECT id, state::"ProtectionOrderStatus", (ARRAY['physical','psychological','sexual','economic','neglect','bride_kidnapping','early_marriage'])[1 + g % 7]::"OrderReason",
             officer, $1, officer, territory, $2, 'bench-incident-' || g, g % 4 = 0, issued,
             CASE WHEN state <> 'issued' THEN issued + interval '2 hours' END, CASE WHEN state <> 'issued' THEN $3 END,
             CASE WHEN state = 'extended' THEN issued + interval '25 days' ELSE issued + interval '3 days' END,
             (ARRAY['standard','medium','high'])[1 + g % 3]::"OrderRiskLevel",
             CASE WHEN state IN ('served','active','extended') THEN issued + interval '2 hours' + (ARRAY[7,5,3])[1 + g % 3] * interval '1 day' END,
             CASE WHEN g % 10 = 3 THEN 1 ELSE 0 END, CASE WHEN g % 10 = 3 THEN issued + interval '1 day' END,
             CASE WHEN g % 10 = 3 AND state IN ('served','active','extended') THEN issued + interval '2 days' END,
             CASE WHEN state = 'revoked' THEN issued + interval '1 day' END, CASE WHEN state = 'revoked' THEN $3 END,
             CASE WHEN state = 'revoked' THEN issued + interval '1 day' WHEN state = 'expired' THEN issued + interval '3 days' END,
             CASE WHEN state IN ('expired','revoked') THEN (CASE WHEN g % 10 = 3 THEN 'violated' ELSE 'kept' END)::"OrderOutcome" END,
             CASE WHEN state IN ('expired','extended') THEN issued + interval '1 day' END, NULL, issued, 3
           FROM bench_gen`,
          [refs.agency, refs.rule, cipher.service_note],
        );
        await c.query(
          `INSERT INTO protection_order_party (id, order_id, person_id, role)
           SELECT id || '-p', id, 'bench-person-p' || g, 'protected_person'::"OrderPartyRole" FROM bench_gen
           UNION ALL SELECT id || '-r', id, 'bench-person-r' || (g % 150000), 'respondent'::"OrderPartyRole" FROM bench_gen`,
        );
        await c.query(
          `INSERT INTO protection_order_condition (id, order_id, kind)
           SELECT id || '-c1', id, 'no_violence'::"OrderConditionKind" FROM bench_gen
           UNION ALL SELECT id || '-c2', id, (CASE WHEN g % 20 = 0 THEN 'attend_programme' ELSE 'no_contact' END)::"OrderConditionKind" FROM bench_gen`,
        );
        await c.query(
          `INSERT INTO order_risk_assessment (id, order_id, instrument_version_id, trigger, answers, computed_level, final_level, assessed_by_id, assessed_at)
           SELECT id || '-r1', id, $1, 'issue', $2, (ARRAY['standard','medium','high'])[1 + g % 3]::"OrderRiskLevel",
             (ARRAY['standard','medium','high'])[1 + g % 3]::"OrderRiskLevel", officer, issued FROM bench_gen`,
          [RISK, cipher.answers],
        );
        await c.query(
          `INSERT INTO compliance_check (id, order_id, planned_for, done_at, recorded_at, method, outcome, note, done_by_id, protected_confirmed, protected_statement)
           SELECT id || '-k1', id, issued + interval '1 day', issued + interval '1 day', issued + interval '1 day 1 hour', 'visit'::"ComplianceCheckMethod", 'complied'::"ComplianceCheckOutcome", $1, officer, true, $2
             FROM bench_gen WHERE state IN ('expired','revoked','active','extended')
           UNION ALL SELECT id || '-k2', id, issued + interval '2 hours' + (ARRAY[7,5,3])[1 + g % 3] * interval '1 day', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
             FROM bench_gen WHERE state IN ('served','active','extended')`,
          [cipher.note, cipher.statement],
        );
        await c.query(
          `INSERT INTO order_violation (id, order_id, condition_id, condition_kind, occurred_at, recorded_at, description, action, recorded_by_id)
           SELECT id || '-v1', id, id || '-c2', 'no_contact'::"OrderConditionKind", issued + interval '1 day', issued + interval '1 day 2 hours', $1, 'warning'::"ViolationAction", officer
             FROM bench_gen WHERE g % 10 = 3`,
          [cipher.description],
        );
        await c.query(
          `INSERT INTO order_alert (id, order_id, recipient_user_id, kind, created_at, read_at)
           SELECT id || '-a1', id, 'bench-social-' || (g % 3000), 'order_issued', issued, CASE WHEN state IN ('expired','revoked') THEN issued + interval '3 hours' END FROM bench_gen`,
        );
        await c.query(
          `INSERT INTO chronology_event (id, person_id, record_type, record_id, kind, occurred_at, agency_id, author_user_id)
           SELECT id || '-e1', 'bench-person-p' || g, 'protection_order', id, 'protection_order.issued', issued, $1, officer FROM bench_gen
           UNION ALL SELECT id || '-e2', 'bench-person-r' || (g % 150000), 'protection_order', id, 'protection_order.issued', issued, $1, officer FROM bench_gen`,
          [refs.agency],
        );
      });
    }
    await database.withConnection((c) => c.exec("ANALYZE"));
    const [counts] = await database.withConnection((c) =>
      c.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM protection_order)::text AS orders, (SELECT count(*) FROM protection_order WHERE territory_id = $1)::text AS district,
                (SELECT count(*) FROM protection_order WHERE territory_id = $1 AND status IN ('served','active','extended'))::text AS district_in_force,
                (SELECT count(*) FROM compliance_check)::text AS checks, (SELECT count(*) FROM order_violation)::text AS violations,
                (SELECT count(*) FROM chronology_event)::text AS chronology`,
        [district],
      ),
    );
    console.log(
      `  bulk fill: ${fmt(Number(counts.orders))} orders (${fmt(Number(counts.district))} in Leninsky district, ${fmt(Number(counts.district_in_force))} of them in force), ` +
        `${fmt(Number(counts.checks))} checks, ${fmt(Number(counts.violations))} violations, ${fmt(Number(counts.chronology))} chronology events in ${fmt((performance.now() - t0) / 1000, 1)} s`,
    );

    // 3. Writes: warm-up, one client alone (the cost of a write without queueing), then the clients.
    for (let i = 0; i < 3; i++) await sequence(database, officer, samples);
    for (const list of Object.values(samples)) list.length = 0;
    for (let i = 0; i < 10; i++) await sequence(database, officer, samples);
    console.log(`\nWrites, 1 client (10 sequences; ${loadLine()}):`);
    for (const [kind, list] of Object.entries(samples)) summary(kind, list);
    for (const list of Object.values(samples)) list.length = 0;
    notifier.clear();
    const cpu = process.cpuUsage();
    t0 = performance.now();
    let next = 0;
    const total = CLIENTS * SEQUENCES;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < total) {
          next += 1;
          await sequence(database, officer, samples);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const writes = Object.values(samples).reduce((sum, list) => sum + list.length, 0);
    const used = process.cpuUsage(cpu);
    console.log(
      `\nWrites, ${CLIENTS} concurrent clients, in-process through the commands (${fmt(total)} sequences, ${fmt(writes)} writes in ${fmt(seconds, 1)} s, ${fmt(writes / seconds, 1)} writes/s, ` +
        `app process CPU ${fmt((used.user + used.system) / 1000 / writes, 1)} ms/write; ${loadLine()}):`,
    );
    const p95s = {
      issue: summary("issue (order, parties, risk, alerts)", samples.issue),
      serve: summary("serve", samples.serve),
      check: summary("compliance check (+ risk, replan)", samples.check),
      violation: summary("violation (+ flag, supervisor alert)", samples.violation),
    };
    summary("every write", Object.values(samples).flat());
    console.log(`  notifications recorded by the mock hook: ${notifier.sent.length} (pointer only: to, kind, link)`);
    const missed = Object.entries(p95s).filter(([, p95]) => p95 >= 50);
    console.log(
      `  target each write p95 < 50 ms: ${missed.length === 0 ? "met" : `NOT met for ${missed.map(([kind, p95]) => `${kind} (${fmt(p95, 1)} ms)`).join(", ")}`}`,
    );

    // 4. The board.
    const [{ orders }] = await database.withConnection((c) => c.query<{ orders: string }>(`SELECT count(*)::text AS orders FROM protection_order`));
    const board: number[] = [];
    let last: Awaited<ReturnType<typeof orderBoard>> | null = null;
    for (let i = 0; i < BOARD_RUNS + 10; i++) {
      const start = performance.now();
      last = await orderBoard({ user: supervisor, context });
      if (i >= 10) board.push(performance.now() - start);
    }
    console.log(`\nDistrict board at ${fmt(Number(orders))} orders (orderBoard as supervisor-police, audit included, one client; ${loadLine()}):`);
    const boardP95 = summary("orderBoard (district)", board);
    if (last?.kind === "district") {
      const d = last.district;
      console.log(
        `  sections: in force ${d.inForce}, not served ${d.notServed.count}, checks overdue ${d.checksOverdue.count}, expiring ${d.expiringSoon.count}, ` +
          `violations this week ${d.violationsThisWeek.count}, re-assessment due ${d.reassessmentDue.count}, programme ${d.programmeCondition.count}`,
      );
    }
    console.log(`  target board p95 < 100 ms: ${boardP95 < 100 ? "met" : "NOT met"} (${fmt(boardP95, 1)} ms)`);

    // The board's queries, as SQL, with their plans' execution times.
    console.log(`\nEXPLAIN ANALYZE of the board's queries (Leninsky district):`);
    const inForce = `territory_id = $1 AND status IN ('served','active','extended')`;
    const queries: [string, string][] = [
      ["in force (count)", `SELECT count(*) FROM protection_order WHERE ${inForce}`],
      ["not served (count)", `SELECT count(*) FROM protection_order WHERE territory_id = $1 AND status = 'issued'`],
      ["checks overdue (list)", `SELECT id FROM protection_order WHERE ${inForce} AND next_check_due_at < now() ORDER BY next_check_due_at, id LIMIT 25`],
      ["expiring soon (count)", `SELECT count(*) FROM protection_order WHERE ${inForce} AND expires_at > now() AND expires_at <= now() + interval '48 hours'`],
      [
        "re-assessment due (list)",
        `SELECT id FROM protection_order WHERE territory_id = $1 AND status IN ('issued','served','active','extended') AND reassessment_due_at IS NOT NULL ORDER BY issued_at, id LIMIT 25`,
      ],
      [
        "programme condition (count)",
        `SELECT count(*) FROM protection_order o WHERE ${inForce.replaceAll("territory_id", "o.territory_id").replaceAll("status", "o.status")} AND EXISTS (SELECT 1 FROM protection_order_condition c WHERE c.order_id = o.id AND c.kind = 'attend_programme')`,
      ],
      [
        "violations this week (count)",
        `SELECT count(*) FROM order_violation v WHERE v.occurred_at >= now() - interval '7 days' AND v.order_id IN (SELECT id FROM protection_order WHERE territory_id = $1)`,
      ],
    ];
    for (const [label, sql] of queries) {
      const plan = await database.withConnection((c) => c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [district]));
      const lines = plan.map((row) => row["QUERY PLAN"]);
      const time = lines.find((line) => line.startsWith("Execution Time"));
      const scans = lines.filter((line) => /Scan|Join/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, ""));
      console.log(`  ${label.padEnd(30)} ${time?.replace("Execution Time: ", "").padStart(10)}   ${scans.slice(0, 3).join(" | ")}`);
    }
    setExternalNotifier(undefined);
  } finally {
    await closeDatabase();
    await postgres.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
