import path from "node:path";
import { z } from "zod";
import { CONSENT_RULES, DEFAULT_CONSENT_RULE } from "~/modules/screenings/consent";

/**
 * Environment, validated once at boot. A bad value stops start-up with one line that
 * names the variable, instead of a stack trace from deep inside a driver.
 */
const envSchema = z.object({
  KAMKOR_MODE: z.enum(["demo", "production"]).default("demo"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || isPostgresUrl(value), {
      message: "must look like postgresql://user:password@host:5432/database",
    }),
  KAMKOR_DATA_DIR: z.string().trim().min(1).default("./data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  KAMKOR_LOG_LEVEL: z.enum(["silent", "info"]).default("info"),
  /** 32 random bytes, base64 or hex. The root of every key; never stored in the database. */
  KAMKOR_ROOT_KEY: z.string().trim().min(1).optional(),
  /** Path of a file holding the root key (alternative to KAMKOR_ROOT_KEY). */
  KAMKOR_ROOT_KEY_FILE: z.string().trim().min(1).optional(),
  /** Minutes a break-glass grant lasts. */
  KAMKOR_BREAK_GLASS_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** E-mail/SMS gateway webhook for notifications (user id, kind, link only). Unset: a recording mock. */
  KAMKOR_NOTIFY_WEBHOOK: z.string().trim().url().optional(),
  /** Seconds between overdue-assessment sweeps inside the server; 0 turns the sweep off. */
  KAMKOR_ESCALATION_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60)
    .default(300),
  /** What a school screening needs before the first question (decision 016): the child's assent, and the guardian informed or consenting. */
  KAMKOR_SCREENING_CONSENT_RULE: z
    .enum(CONSENT_RULES, { errorMap: () => ({ message: `must be one of ${CONSENT_RULES.join(", ")}` }) })
    .default(DEFAULT_CONSENT_RULE),
});

export type Env = z.infer<typeof envSchema> & { pgliteDir: string };

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "" && url.pathname.length > 1;
  } catch {
    return false;
  }
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`Kamkor cannot start: ${name} ${issue.message}.`);
  }
  return { ...result.data, pgliteDir: path.resolve(result.data.KAMKOR_DATA_DIR, "pglite") };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
