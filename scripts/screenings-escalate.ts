/**
 * `npm run screenings:escalate`: one sweep now — expired screening sessions are stopped, then the overdue sweep (app/modules/screenings/escalation.server.ts):
 * every safety assessment past its due time and not yet escalated gets its `assessment_overdue`
 * alerts, audit event and e-mail/SMS hook. The server runs the same sweep every
 * KAMKOR_ESCALATION_INTERVAL_SECONDS; running both at once is safe (each screening is claimed
 * once). Same configuration as `npm start`; on the embedded database stop the server first.
 * Exit code 0 = done, 1 = failed.
 */
import fs from "node:fs";
import path from "node:path";
import { sweepOrders } from "~/modules/protection-orders/order-sweep.server";
import { escalateOverdueAssessments } from "~/modules/screenings/escalation.server";
import { SCREENING_SESSION_HOURS, stopExpiredSessions } from "~/modules/screenings/session-expiry.server";
import { closeDatabase, getDatabase } from "~/server/db.server";
import { EnvError, getEnv } from "~/server/env.server";

async function main(): Promise<void> {
  const env = getEnv();
  // The audit chain needs the key that wrote it: never generate a demo key here (as start-up would).
  const demoKeyFile = path.resolve(env.KAMKOR_DATA_DIR, "keys", "root.key");
  if (!env.KAMKOR_ROOT_KEY && !env.KAMKOR_ROOT_KEY_FILE && !fs.existsSync(demoKeyFile)) {
    throw new Error(`no root key (set KAMKOR_ROOT_KEY or KAMKOR_ROOT_KEY_FILE; no ${demoKeyFile}).`);
  }
  const database = await getDatabase(env);
  const [column] = await database.withConnection((connection) =>
    connection.query<{ name: string | null }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'screening' AND column_name = 'overdue_escalated_at'`,
    ),
  );
  if (!column?.name) throw new Error("this database has no screening.overdue_escalated_at yet: run npm start once (it applies the migrations).");
  console.log(`Database: ${database.kind === "pglite" ? `embedded PGlite in ${env.pgliteDir}` : "PostgreSQL (DATABASE_URL)"}.`);
  const stopped = await stopExpiredSessions();
  console.log(`Stopped ${stopped} screening session(s) left unfinished for more than ${SCREENING_SESSION_HOURS} hours.`);
  const result = await escalateOverdueAssessments({ source: "command_line" });
  console.log(
    `Escalated ${result.escalated} overdue safety assessment(s): ${result.alerts} alert(s) written` +
      (result.skipped ? `, ${result.skipped} already taken by another run` : "") +
      (result.notifyFailed ? `, ${result.notifyFailed} notification(s) not accepted by the gateway` : "") +
      ".",
  );
  const orders = await sweepOrders();
  console.log(
    `Protection orders: ${orders.expired} ended as expired, ${orders.checksEscalated} overdue check(s) escalated, ${orders.expiryReminders} expiry reminder(s); ${orders.alerts} alert(s).`,
  );
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `screenings:escalate failed: ${error instanceof Error ? error.message : String(error)}`);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 1;
  });
