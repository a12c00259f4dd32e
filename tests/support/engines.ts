import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, getDatabase, type Database } from "~/server/db.server";
import { parseEnv } from "~/server/env.server";
import { applyMigrations } from "~/server/migrations.server";

export type Engine = "postgres" | "pglite";

/**
 * Makes `engine` the process-wide database (what the app's getPrisma() returns), migrated
 * with the project's own applier. PGlite gets a fresh temporary directory.
 */
export async function useEngine(engine: Engine, databaseUrl: string): Promise<Database> {
  await closeDatabase();
  const env =
    engine === "postgres" ? parseEnv({ DATABASE_URL: databaseUrl }) : parseEnv({ KAMKOR_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-pglite-")) });
  const database = await getDatabase(env);
  await database.withConnection((connection) => applyMigrations(connection));
  return database;
}

/** Empties every application table (children first), keeping the schema. */
export async function truncateAll(database: Database): Promise<void> {
  await database.withConnection((connection) =>
    connection.exec(
      `TRUNCATE "session", "app_user", "agency", "territory", "person", "support_plan", "support_plan_member",
        "support_plan_goal", "support_plan_review", "chronology_event", "duplicate_decision", "person_merge",
        "guardianship", "break_glass_grant", "rate_limit_bucket", "screening", "screening_assignment",
        "safety_assessment", "screening_alert", "screening_action", "incident_account", "protection_order", "protection_order_party",
        "protection_order_condition", "order_risk_assessment", "compliance_check", "order_violation", "order_extension",
        "order_notice", "order_alert", "person_flag" CASCADE`,
    ),
  );
}
