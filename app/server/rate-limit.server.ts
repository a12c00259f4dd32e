import crypto from "node:crypto";
import { getPrisma } from "~/server/db.server";
import { deriveKey } from "~/server/encryption/root-key.server";

/**
 * Failure counters with lockout, kept in the database (table rate_limit_bucket) so that every
 * app server sees the same counts. A bucket counts failures in a fixed window that starts at
 * its first failure; reaching the limit locks the bucket for `lockMs` and starts a fresh
 * window. Each failure is one INSERT … ON CONFLICT DO UPDATE statement, so concurrent
 * requests on any number of servers never lose a count.
 */

export type RateLimitRule = { limit: number; windowMs: number; lockMs: number };

const MINUTE = 60 * 1000;

export const RATE_LIMITS = {
  /** Wrong passwords per typed username (existing or not). */
  username: { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** Wrong passwords per client IP, whatever the username. */
  ip: { limit: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** Wrong TOTP or enrolment codes per user. */
  totp: { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const satisfies Record<string, RateLimitRule>;

let bucketKeySecret: Buffer | undefined;

/**
 * Bucket keys are keyed hashes: people type passwords into the username field, and the table
 * should not keep what they typed.
 */
function bucketKey(kind: string, value: string): string {
  bucketKeySecret ??= deriveKey("rate-limit-bucket");
  return `${kind}:${crypto.createHmac("sha256", bucketKeySecret).update(value).digest("base64url")}`;
}

/** The same normalisation for every lookup, so "Admin " and "admin" share a counter. */
export function normaliseUsername(username: string): string {
  return username.normalize("NFKC").trim().toLowerCase();
}

export const rateLimitKeys = {
  username: (username: string) => bucketKey("signin-user", normaliseUsername(username)),
  ip: (ip: string) => bucketKey("signin-ip", ip),
  totp: (userId: string) => bucketKey("totp-user", userId),
};

/** Timestamps go in as explicit UTC text: the columns are `timestamp(3)` holding UTC, as Prisma writes them. */
function utc(date: Date): string {
  return date.toISOString();
}

/** Whether any of the buckets is locked at `now`. */
export async function isLocked(keys: readonly string[], now = new Date()): Promise<boolean> {
  if (keys.length === 0) return false;
  const prisma = await getPrisma();
  const locked = await prisma.rateLimitBucket.count({ where: { key: { in: [...keys] }, lockedUntil: { gt: now } } });
  return locked > 0;
}

/** Counts one failure; returns whether the bucket is locked after it. */
export async function registerFailure(key: string, rule: RateLimitRule, now = new Date()): Promise<{ locked: boolean }> {
  const prisma = await getPrisma();
  const nowText = utc(now);
  const windowOpenedAfter = utc(new Date(now.getTime() - rule.windowMs));
  const lockUntil = utc(new Date(now.getTime() + rule.lockMs));
  // `next` (the count after this failure) is spelled out in each SET expression because
  // ON CONFLICT assignments all see the old row.
  const rows = await prisma.$queryRaw<{ locked: boolean }[]>`
    INSERT INTO rate_limit_bucket AS b (key, window_start, count, locked_until)
    VALUES (
      ${key},
      (${nowText}::timestamptz AT TIME ZONE 'UTC'),
      CASE WHEN 1 >= ${rule.limit}::int THEN 0 ELSE 1 END,
      CASE WHEN 1 >= ${rule.limit}::int THEN (${lockUntil}::timestamptz AT TIME ZONE 'UTC') ELSE NULL END
    )
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE
        WHEN (CASE WHEN b.window_start <= (${windowOpenedAfter}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE b.count + 1 END) >= ${rule.limit}::int
          OR b.window_start <= (${windowOpenedAfter}::timestamptz AT TIME ZONE 'UTC')
        THEN (${nowText}::timestamptz AT TIME ZONE 'UTC')
        ELSE b.window_start END,
      count = CASE
        WHEN (CASE WHEN b.window_start <= (${windowOpenedAfter}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE b.count + 1 END) >= ${rule.limit}::int
        THEN 0
        ELSE (CASE WHEN b.window_start <= (${windowOpenedAfter}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE b.count + 1 END) END,
      locked_until = CASE
        WHEN (CASE WHEN b.window_start <= (${windowOpenedAfter}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE b.count + 1 END) >= ${rule.limit}::int
        THEN (${lockUntil}::timestamptz AT TIME ZONE 'UTC')
        ELSE b.locked_until END
    RETURNING (b.locked_until IS NOT NULL AND b.locked_until > (${nowText}::timestamptz AT TIME ZONE 'UTC')) AS locked`;
  // Old buckets pile up (one per typed username); prune now and then instead of running a job.
  if (Math.random() < 0.02) await pruneRateLimitBuckets(now);
  return { locked: rows[0]?.locked === true };
}

/** Forgets a bucket (after a successful sign-in, or when an admin resets a user's TOTP). */
export async function resetBucket(key: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}

/** Deletes buckets whose window and lock are long over. */
export async function pruneRateLimitBuckets(now = new Date()): Promise<number> {
  const prisma = await getPrisma();
  const cutoff = new Date(now.getTime() - 24 * 60 * MINUTE);
  const result = await prisma.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: cutoff }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return result.count;
}

export function resetRateLimitKeyForTests(): void {
  bucketKeySecret = undefined;
}
