import crypto from "node:crypto";
import type { AuditDecision } from "~/generated/prisma/client.ts";
import type { Database } from "~/server/db.server";
import { deriveKey } from "~/server/encryption/root-key.server";
import { newId } from "~/server/ids.server";
import type { KamkorLoadContext } from "~/server/load-context";
import { AUDIT_ACTIONS, type AuditAction } from "./actions";

/**
 * The audit log's low level: the row, its hash link and the append, given the database to
 * write to. It imports only types from db.server, so db.server itself can use it (to audit
 * decryption failures) without an import cycle; everything else calls recordAudit
 * (audit.server.ts), which appends to the process database.
 */

export type AuditActor = {
  userId: string;
  username: string;
  roles: readonly string[];
  agencyId: string;
  sessionId?: string;
};

export type AuditInput = {
  actor: AuditActor | null;
  action: AuditAction;
  decision: AuditDecision;
  record?: { type: string; id: string };
  /** Names of the fields read or written, never their values. */
  fields?: readonly string[];
  /** Why: a purpose or a break-glass reason reference. Keep free text out of it. */
  purpose?: string;
  /** For sign-in attempts by someone not (yet) identified: the username typed. */
  attemptedUsername?: string;
  context?: Partial<KamkorLoadContext>;
  at?: Date;
};

export type CanonicalAuditRow = {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRoles: string[];
  actorAgencyId: string | null;
  sessionHash: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
  purpose: string | null;
  decision: string;
  requestId: string | null;
  ip: string | null;
};

/**
 * Control characters, Unicode line breaks (NEL, LS, PS) and bidi overrides become spaces, so
 * no value can forge lines — or disguise itself — in an export, a log tool or the auditor's UI.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
export function cleanAuditText(value: string | null | undefined, max = 200): string | null {
  if (value == null) return null;
  return value.replace(UNSAFE_CHARACTERS, " ").slice(0, max);
}
const clean = cleanAuditText;

/** A stable serialisation: fixed key order, JSON escaping. */
export function canonicalAuditRow(row: CanonicalAuditRow): string {
  return JSON.stringify([
    row.id,
    row.occurredAt,
    row.actorUserId,
    row.actorUsername,
    row.actorRoles,
    row.actorAgencyId,
    row.sessionHash,
    row.action,
    row.recordType,
    row.recordId,
    row.fields,
    row.purpose,
    row.decision,
    row.requestId,
    row.ip,
  ]);
}

/** The prev_hash of the first event. */
export const GENESIS_HASH = "genesis";

let auditKey: Buffer | undefined;
export function auditChainKey(): Buffer {
  auditKey ??= deriveKey("audit-chain");
  return auditKey;
}
export function resetAuditKeyForTests(): void {
  auditKey = undefined;
}

export function chainHash(prevHash: string, row: CanonicalAuditRow, key: Buffer = auditChainKey()): string {
  return crypto.createHmac("sha256", key).update(prevHash).update("\n").update(canonicalAuditRow(row)).digest("hex");
}

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const DECISIONS: ReadonlySet<string> = new Set(["allowed", "denied", "failed"]);

/** The row to append. Refuses an unknown action or decision here, before it could fail a whole group. */
export function buildAuditRow(input: AuditInput): CanonicalAuditRow {
  if (!KNOWN_ACTIONS.has(input.action)) throw new Error(`Unknown audit action "${String(input.action).slice(0, 50)}": add it to AUDIT_ACTIONS.`);
  if (!DECISIONS.has(input.decision)) throw new Error(`Unknown audit decision "${String(input.decision).slice(0, 20)}".`);
  const actor = input.actor;
  return {
    id: newId(),
    occurredAt: (input.at ?? new Date()).toISOString(),
    actorUserId: actor?.userId ?? null,
    actorUsername: clean(actor?.username ?? input.attemptedUsername ?? null, 100),
    actorRoles: [...(actor?.roles ?? [])],
    actorAgencyId: actor?.agencyId ?? null,
    // The session id is itself a hash of the cookie; hash again so the log cannot be replayed into a cookie lookup.
    sessionHash: actor?.sessionId ? crypto.createHash("sha256").update(actor.sessionId).digest("hex").slice(0, 32) : null,
    action: input.action,
    recordType: clean(input.record?.type, 50),
    recordId: clean(input.record?.id, 100),
    fields: (input.fields ?? []).map((field) => clean(field, 100) ?? ""),
    purpose: clean(input.purpose, 500),
    decision: input.decision,
    requestId: clean(input.context?.requestId, 100),
    ip: clean(input.context?.ip, 100),
  };
}

/**
 * Appending. The chain is a single sequence, so appends are serialised — but cheaply:
 * - Within a process, events queue up and are written in groups (group commit): one SQL
 *   statement appends every waiting event, so N concurrent requests cost one round trip.
 * - That statement (`audit_append`, a PL/pgSQL function) is a compare-and-set on the chain
 *   head: it locks the head, inserts only if the head still holds the hash this process last
 *   saw, and moves the head — one round trip, no client-side transaction. If another app
 *   server moved the head meanwhile, it answers with the current head and the group is
 *   re-linked after it (after a second miss, inside a transaction that holds the lock).
 * Seq numbers are taken under the head's lock, so seq order is chain order (gaps from
 * rolled-back attempts are harmless: links are checked by hash, not by seq).
 */
type Pending = { database: AuditDatabase; row: CanonicalAuditRow; resolve: () => void; reject: (error: unknown) => void };

/** Where an event goes: asked for when its group is written (in practice db.server's getDatabase). */
export type AuditDatabase = () => Promise<Database>;

const MAX_GROUP = 200;
let queue: Pending[] = [];
let flushing = false;
/** The head hash as this process last saw it: a guess, checked by the compare-and-set. */
let cachedHead: string | undefined;

/** Appends one event to the chain of `database`. Throws if it cannot. */
export function appendAudit(database: AuditDatabase, input: AuditInput): Promise<void> {
  let row: CanonicalAuditRow;
  try {
    row = buildAuditRow(input);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise<void>((resolve, reject) => {
    queue.push({ database, row, resolve, reject });
    if (!flushing) void flush();
  });
}

async function flush(): Promise<void> {
  flushing = true;
  try {
    while (queue.length > 0) {
      // A group goes to one database: it ends where an event for another one waits.
      const other = queue.findIndex((pending) => pending.database !== queue[0].database);
      const group = queue.slice(0, Math.min(MAX_GROUP, other === -1 ? queue.length : other));
      queue = queue.slice(group.length);
      try {
        await appendGroup(
          await group[0].database(),
          group.map((pending) => pending.row),
        );
        for (const pending of group) pending.resolve();
      } catch (error) {
        cachedHead = undefined;
        for (const pending of group) pending.reject(error);
      }
    }
  } finally {
    flushing = false;
  }
}

/** Runs one parameterised statement ($1, $2… placeholders) and returns its rows. */
type RunSql = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Counters for benchmarks and diagnostics: groups written, events, head misses, locked appends. */
export const auditAppendStats = { groups: 0, events: 0, misses: 0, locked: 0 };

/** Misses (another server appended first) tolerated before taking the head's lock for the whole append. */
let optimisticRetries = 1;

async function appendGroup(database: Database, rows: CanonicalAuditRow[]): Promise<void> {
  // The driver directly, not Prisma: its per-query overhead alone is ~0.3 ms (bench:audit).
  const run: RunSql = (sql, params) => database.withConnection((connection) => connection.query(sql, params));
  let guess = cachedHead ?? (await readHead(run, ""));
  for (let attempt = 0; attempt <= optimisticRetries; attempt++) {
    const result = await compareAndAppend(run, guess, rows);
    if (result.ok) return counted(rows);
    auditAppendStats.misses++;
    guess = result.head; // another server appended meanwhile: link after its head and try again
  }
  // Busy servers keep moving the head: hold its lock from reading it to appending.
  auditAppendStats.locked++;
  if (database.kind === "postgres") {
    await database.withConnection(async (connection) => {
      const locked: RunSql = (sql, params) => connection.query(sql, params);
      await locked("BEGIN", []);
      try {
        const result = await compareAndAppend(locked, await readHead(locked, " FOR UPDATE"), rows);
        if (!result.ok) throw new Error("Audit chain head moved while locked.");
        await locked("COMMIT", []);
      } catch (error) {
        await locked("ROLLBACK", []).catch(() => undefined);
        throw error;
      }
    });
    return counted(rows);
  }
  // PGlite's one connection is shared by every query of the process: only Prisma's transaction isolates it.
  await database.prisma.$transaction(async (tx) => {
    const locked: RunSql = (sql, params) => tx.$queryRawUnsafe(sql, ...params);
    const result = await compareAndAppend(locked, await readHead(locked, " FOR UPDATE"), rows);
    if (!result.ok) throw new Error("Audit chain head moved while locked.");
  });
  counted(rows);
}

function counted(rows: CanonicalAuditRow[]): void {
  auditAppendStats.groups++;
  auditAppendStats.events += rows.length;
}

async function readHead(run: RunSql, lock: "" | " FOR UPDATE"): Promise<string> {
  const [head] = await run(`SELECT last_hash FROM audit_chain_head WHERE id = 1${lock}`, []);
  if (!head) throw new Error("Audit chain head is missing: the audit migration has not run.");
  return String(head.last_hash);
}

/**
 * Links `rows` after `prevHash` and appends them with the `audit_append` function (migration
 * 20261125091931_audit_append), which writes only if the head still is `prevHash` and
 * otherwise answers with the head as it is now.
 */
async function compareAndAppend(run: RunSql, prevHash: string, rows: CanonicalAuditRow[]): Promise<{ ok: true } | { ok: false; head: string }> {
  let previous = prevHash;
  const linked = rows.map((row, n) => {
    const hash = chainHash(previous, row);
    const stored = { ...row, n, prevHash: previous, hash };
    previous = hash;
    return stored;
  });
  const [result] = await run("SELECT audit_append($1::jsonb, $2, $3) AS head", [JSON.stringify(linked), prevHash, previous]);
  const head = String(result?.head ?? "");
  if (head !== previous) {
    cachedHead = undefined;
    return { ok: false, head };
  }
  cachedHead = previous;
  return { ok: true };
}

/** Tests that simulate another app server appending behind this process's back. */
export function forgetCachedHeadForTests(value?: string): void {
  cachedHead = value;
}

/** Tests of the locked path: -1 skips the compare-and-set attempts altogether. */
export function setOptimisticRetriesForTests(retries: number): void {
  optimisticRetries = retries;
}
