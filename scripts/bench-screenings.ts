/**
 * `npm run bench:screenings [-- --rows=1000000 --sessions=200]`: recording a full screening end
 * to end — every write, encryption, audit event, chronology, pathway and alerts — with 4
 * concurrent clients, on a throwaway PostgreSQL 15 cluster holding 1,000,000 stored screenings.
 * Prints figures, asserts nothing (decision 007). Target (issue 5): p95 < 50 ms.
 *
 * Method:
 *  1. the demo data (accounts, schools, the instruments), then 1,000,000 completed screenings
 *     bulk-generated in SQL with generate_series — spread over 40,000 synthetic schools in all
 *     districts, 80 % negative, 15 % non-acute, 5 % acute with their alerts — whose encrypted
 *     columns hold precomputed `kmk1.` ciphertext strings (bound to one record id, so they would
 *     not decrypt elsewhere: the bench never reads them; they give the table its real width).
 *     Then ANALYZE.
 *  2. the record path in-process through the real module functions the routes call
 *     (startScreening, answerQuestion → scoring, completion, chronology, startPathway, audit,
 *     notifier): 4 client loops, each recording whole sessions one after another for a demo
 *     child of the pedagogue's school — acute sessions (5 answers, alerts to the psychologist and
 *     supervisor) and non-acute ones with the vulnerability module (12 answers, suggested
 *     actions). Latency is reported per write (each call, the unit a page post costs), for the
 *     completing write (the heaviest: result, findings, pathway, alerts), and per whole session.
 * HTTP, sign-in and rendering are not included (see bench:plans for the page stack).
 */
import { pathToFileURL } from "node:url";
import { listAlerts, screeningTasksFor, unreadAlertCount } from "~/modules/screenings/alerts.server";
import { answerQuestion } from "~/modules/screenings/screening-session.server";
import { startScreening } from "~/modules/screenings/screening-start.server";
import type { AnswerInput } from "~/modules/screenings/screenings.schema";
import { closeDatabase } from "~/server/db.server";
import { RecordingNotifier, setExternalNotifier } from "~/server/notify/notifier.server";
import { instrumentVersionId, seedDemo } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { useEngine } from "../tests/support/engines";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";
import { asUser } from "../tests/support/users";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-bench-screenings").toString("base64");

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const ROWS = Number(option("rows") ?? 1_000_000);
const SESSIONS = Number(option("sessions") ?? 200);
const CLIENTS = Number(option("clients") ?? 4);

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (label: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} n=${String(sorted.length).padEnd(6)} p50 ${fmt(percentile(sorted, 50), 1).padStart(6)} ms   p95 ${fmt(percentile(sorted, 95), 1).padStart(6)} ms   p99 ${fmt(percentile(sorted, 99), 1).padStart(6)} ms`,
  );
  return percentile(sorted, 95);
};

const CHILD = stableId("person", "asanaliev-nurbek");
const ASQ = instrumentVersionId("asq", 1);
const VULNERABILITY = instrumentVersionId("vulnerability", 1);

async function main() {
  console.log(`bench:screenings — ${fmt(ROWS)} stored screenings, ${SESSIONS} recorded sessions, ${CLIENTS} concurrent clients, throwaway PostgreSQL 15`);
  const postgres = await startThrowawayPostgres({ label: "bench-scr" });
  try {
    const database = await useEngine("postgres", postgres.url);
    await seedDemo(database.prisma);
    const pedagogue = await asUser("pedagogue");
    const context = { requestId: "bench", ip: "127.0.0.1" };
    const notifier = new RecordingNotifier();
    setExternalNotifier(notifier);

    // Real ciphertext strings, made once through the encrypting client, reused by the SQL fill.
    const sample = await startScreening({ user: pedagogue, context, input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" } });
    if (!sample.ok) throw new Error(JSON.stringify(sample));
    await database.prisma.screening.update({
      where: { id: sample.id },
      data: {
        answers: JSON.stringify({
          asq: { asq1: "no", asq2: "no", asq3: "no", asq4: "no" },
          vulnerability: {
            bullying_or_racket: "no",
            violence_at_home: "no",
            neglect: "no",
            sexual_abuse: "no",
            parents_abroad: "no",
            substance_use: "no",
            other_worry: "none",
          },
        }),
        safetyChecklist: JSON.stringify({ notAlone: { at: new Date().toISOString() } }),
      },
    });
    const [cipher] = await database.withConnection((c) =>
      c.query<{ answers: string; safety_checklist: string }>(`select answers, safety_checklist from screening where id = $1`, [sample.id]),
    );
    await database.prisma.screening.delete({ where: { id: sample.id } });
    const territories = (await database.prisma.territory.findMany({ where: { kind: { not: "region" } }, select: { id: true } })).map((t) => t.id);

    let t0 = performance.now();
    const chunk = 250_000;
    for (let offset = 0; offset < ROWS; offset += chunk) {
      const n = Math.min(chunk, ROWS - offset);
      await database.withConnection((c) =>
        c.query(
          `INSERT INTO screening (id, person_id, school_agency_id, territory_id, screener_user_id, asq_version_id, vulnerability_version_id, status, consent, answers,
             result, findings, started_at, completed_at, safety_checklist, checklist_completed_at, assessment_due_at, assessment_done_at, rescreen_due_at, version)
           SELECT gen_random_uuid()::text, 'bench-person-' || (g % 400000), 'bench-school-' || (g % 40000), ($5::text[])[1 + (g % array_length($5::text[], 1))],
             'bench-user-' || (g % 40000), $2, $3, 'completed', 'assent;guardian:will_be_informed', $1,
             r.result::"ScreeningResult", CASE WHEN g % 7 = 0 THEN ARRAY['racket'] ELSE ARRAY[]::text[] END,
             ts, ts, CASE WHEN r.result = 'acute_positive' THEN $4 END, CASE WHEN r.result = 'acute_positive' THEN ts + interval '10 minutes' END,
             CASE r.result WHEN 'acute_positive' THEN ts + interval '24 hours' WHEN 'non_acute_positive' THEN ts + interval '72 hours' END,
             CASE WHEN r.result <> 'negative' AND g % 10 <> 0 THEN ts + interval '20 hours' END,
             CASE WHEN r.result <> 'negative' THEN ts + interval '30 days' END, 2
           FROM generate_series($6::int, $7::int) g
           CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 = 0 THEN 'acute_positive' WHEN g % 20 < 4 THEN 'non_acute_positive' ELSE 'negative' END AS result,
                                      timestamp '2024-01-01' + (g % 700) * interval '1 day' + (g % 86400) * interval '1 second' AS ts) r`,
          [cipher.answers, ASQ, VULNERABILITY, cipher.safety_checklist, territories, offset + 1, offset + n],
        ),
      );
    }
    await database.withConnection((c) =>
      c.query(`INSERT INTO screening_alert (id, screening_id, recipient_user_id, kind, created_at, read_at)
               SELECT gen_random_uuid()::text, s.id, u.recipient, 'acute', s.completed_at, s.completed_at + interval '1 hour'
               FROM screening s CROSS JOIN (VALUES ('bench-psychologist'), ('bench-supervisor')) u(recipient) WHERE s.result = 'acute_positive'`),
    );
    await database.withConnection((c) => c.exec("ANALYZE"));
    const [{ count }] = await database.withConnection((c) => c.query<{ count: string }>(`select count(*)::text as count from screening`));
    const [{ alerts }] = await database.withConnection((c) => c.query<{ alerts: string }>(`select count(*)::text as alerts from screening_alert`));
    console.log(
      `  bulk fill: ${fmt(Number(count))} screenings, ${fmt(Number(alerts))} alerts in ${fmt((performance.now() - t0) / 1000, 1)} s (SQL generate_series, precomputed ciphertext)`,
    );

    const writes: number[] = [];
    const completing: number[] = [];
    const sessions: { acute: number[]; full: number[] } = { acute: [], full: [] };
    const timed = async <T>(work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await work();
      writes.push(performance.now() - start);
      return result;
    };
    async function recordSession(kind: "acute" | "full") {
      const started = performance.now();
      const s = await timed(() => startScreening({ user: pedagogue, context, input: { personId: CHILD, assent: "yes", guardian: "will_be_informed" } }));
      if (!s.ok) throw new Error(JSON.stringify(s));
      const plan: Array<[string, AnswerInput["answer"]]> =
        kind === "acute"
          ? [
              ["asq1", "yes"],
              ["asq2", "no"],
              ["asq3", "no"],
              ["asq4", "no"],
              ["asq5", "yes"],
            ]
          : [
              ["asq1", "no"],
              ["asq2", "yes"],
              ["asq3", "no"],
              ["asq4", "no"],
              ["asq5", "no"],
              ["bullying_or_racket", "yes"],
              ["violence_at_home", "no"],
              ["neglect", "no"],
              ["sexual_abuse", "no"],
              ["parents_abroad", "yes"],
              ["substance_use", "no"],
              ["other_worry", "none"],
            ];
      for (const [index, [item, value]] of plan.entries()) {
        const last = index === plan.length - 1;
        const at = performance.now();
        const result = await timed(() =>
          answerQuestion({
            user: pedagogue,
            context,
            screeningId: s.id,
            input: { instrumentVersionId: item.startsWith("asq") ? ASQ : VULNERABILITY, item, answer: value },
          }),
        );
        if (!result.ok) throw new Error(`${item}: ${JSON.stringify(result)}`);
        if (last) {
          if (!result.completed) throw new Error("session did not complete");
          completing.push(performance.now() - at);
        }
      }
      sessions[kind].push(performance.now() - started);
    }

    // Warm-up (JIT, connection pool, plans), not measured.
    for (let i = 0; i < 8; i++) await recordSession(i % 2 === 0 ? "acute" : "full");
    writes.length = 0;
    completing.length = 0;
    sessions.acute.length = 0;
    sessions.full.length = 0;
    notifier.clear();

    // One client alone first (the cost of a write without queueing), then the target: 4 clients.
    const phases = [...new Set([1, CLIENTS])];
    let verdict = "";
    for (const clients of phases) {
      const sessionsThisPhase = clients === 1 ? Math.max(20, Math.floor(SESSIONS / 4)) : SESSIONS;
      writes.length = 0;
      completing.length = 0;
      sessions.acute.length = 0;
      sessions.full.length = 0;
      notifier.clear();
      const cpu = process.cpuUsage();
      t0 = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < sessionsThisPhase) {
            const n = next++;
            await recordSession(n % 2 === 0 ? "acute" : "full");
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(cpu);
      const load = (await import("node:os")).loadavg()[0];
      console.log(
        `\nRecording, ${clients} concurrent client(s), in-process through the module functions (${fmt(sessionsThisPhase)} sessions in ${fmt(seconds, 1)} s, ${fmt(writes.length / seconds)} writes/s, ` +
          `app process CPU ${fmt((used.user + used.system) / 1000 / writes.length, 1)} ms/write, machine load average ${fmt(load, 1)} on ${(await import("node:os")).cpus().length} cores):`,
      );
      const p95 = summary("each write (start or one answer)", writes);
      const p95Complete = summary("completing write (score, pathway, alerts)", completing);
      summary("whole acute session (start + 5 answers)", sessions.acute);
      summary("whole full session (start + 12 answers)", sessions.full);
      console.log(`  notifications recorded by the mock hook: ${notifier.sent.length} (pointer only: to, kind, link)`);
      if (clients === CLIENTS)
        verdict = `Target p95 < 50 ms per write with ${CLIENTS} clients: ${p95 < 50 && p95Complete < 50 ? "met" : "NOT met"} (each write ${fmt(p95, 1)} ms, completing write ${fmt(p95Complete, 1)} ms).`;
    }
    console.log(`\n${verdict}`);

    // The read side that runs on every page view or inbox: menu counter, task list, supervisor's view.
    const psychologist = await asUser("psychologist");
    const supervisor = await asUser("supervisor");
    console.log(`\nRead side at ${fmt(Number(count))} stored screenings (one client, 200 runs each):`);
    for (const [label, work] of [
      ["unreadAlertCount (menu counter)", () => unreadAlertCount(psychologist.id)],
      ["screeningTasksFor(psychologist)", () => screeningTasksFor(psychologist)],
      ["listAlerts(supervisor) + overdue view", () => listAlerts({ user: supervisor, context })],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < 220; i++) {
        const start = performance.now();
        await work();
        if (i >= 20) samples.push(performance.now() - start);
      }
      summary(label, samples);
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
