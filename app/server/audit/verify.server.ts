import crypto from "node:crypto";
import { getDatabase, type Database } from "~/server/db.server";
import { auditChainKey, canonicalAuditRow, GENESIS_HASH, type CanonicalAuditRow } from "./audit.server";

/**
 * Walks the audit chain in seq order and recomputes every link. Reports the first broken
 * link: an event whose prev_hash is not the hash of the event before it (a deleted or
 * inserted row), an event whose hash does not match its content (an edited row), or a chain
 * head that does not point at the last event (the newest rows removed).
 */

export type ChainCheck = "prev_hash" | "hash" | "head";

export type ChainBreak = {
  /** The event at which the chain breaks; for "head", the last event found (null: none). */
  seq: bigint | null;
  id: string | null;
  check: ChainCheck;
  expected: string;
  actual: string;
};

export type VerifyProgress = { checked: number; lastSeq: bigint; headSeq: bigint; elapsedMs: number };

export type VerifyResult = {
  ok: boolean;
  checked: number;
  headSeq: bigint;
  elapsedMs: number;
  eventsPerSecond: number;
  broken?: ChainBreak;
};

export type VerifyOptions = {
  database?: Database;
  batchSize?: number;
  key?: Buffer;
  onProgress?: (progress: VerifyProgress) => void;
  /** Minimum time between progress reports. */
  progressEveryMs?: number;
};

/** An event as stored (column names), for recomputing its canonical row in JavaScript. */
export type StoredEvent = {
  /** int8: a string from node-postgres, a bigint from PGlite. */
  seq: bigint | string;
  id: string;
  /** A Date, or already the toISOString() text. */
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_roles: string[];
  actor_agency_id: string | null;
  session_hash: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  fields: string[];
  purpose: string | null;
  decision: string;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
};

/** The canonical row of an event as stored, exactly as recordAudit hashed it. */
export function storedToCanonical(event: StoredEvent): CanonicalAuditRow {
  return {
    id: event.id,
    occurredAt: typeof event.occurred_at === "string" ? event.occurred_at : event.occurred_at.toISOString(),
    actorUserId: event.actor_user_id,
    actorUsername: event.actor_username,
    actorRoles: event.actor_roles,
    actorAgencyId: event.actor_agency_id,
    sessionHash: event.session_hash,
    action: event.action,
    recordType: event.record_type,
    recordId: event.record_id,
    fields: event.fields,
    purpose: event.purpose,
    decision: event.decision,
    requestId: event.request_id,
    ip: event.ip,
  };
}

/** occurred_at as the exact text of Date.prototype.toISOString(). */
const ISO_TIME = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The columns of canonicalAuditRow, in its order. */
const CANONICAL_COLUMNS = [
  "id",
  ISO_TIME,
  "actor_user_id",
  "actor_username",
  "actor_roles",
  "actor_agency_id",
  "session_hash",
  "action",
  "record_type",
  "record_id",
  "fields",
  "purpose",
  "decision::text",
  "request_id",
  "ip",
];

/**
 * The canonical row built by the database: PostgreSQL's to_json escapes strings exactly as
 * JSON.stringify does (quote, backslash, control characters as \b \f \n \r \t or lower-case
 * \u00xx) and writes text[] as ["a","b"], so the text is the same — and reading four text
 * columns is several times cheaper than parsing every column in Node. Any row whose hash
 * does not match is re-checked the slow way (canonicalAuditRow in JavaScript) before it is
 * called broken, so the JavaScript serialisation stays the only definition.
 */
export const CANONICAL_SQL = `'[' || ${CANONICAL_COLUMNS.map((column) => `coalesce(to_json(${column})::text, 'null')`).join(" || ',' || ")} || ']'`;

const FULL_ROW_SQL = `SELECT seq, id, ${ISO_TIME} AS occurred_at, actor_user_id, actor_username, actor_roles, actor_agency_id,
  session_hash, action, record_type, record_id, fields, purpose, decision::text AS decision, request_id, ip, prev_hash, hash
  FROM audit_event WHERE seq = $1::bigint`;

type FastRow = { seq: bigint | string; id: string; prev_hash: string; hash: string; canonical: string };

export async function verifyAuditChain(options: VerifyOptions = {}): Promise<VerifyResult> {
  const database = options.database ?? (await getDatabase());
  // The driver directly: reading through Prisma costs several times more per row.
  const query = <Row>(sql: string, params: unknown[]) => database.withConnection((connection) => connection.query<Row>(sql, params));
  const key = options.key ?? auditChainKey();
  const batchSize = options.batchSize ?? 5000;
  const progressEveryMs = options.progressEveryMs ?? 1000;
  const started = performance.now();
  const hmac = (prevHash: string, canonical: string) => crypto.createHmac("sha256", key).update(prevHash).update("\n").update(canonical).digest("hex");

  // The head first: events appended while we walk have seq > headSeq and are left for next time
  // (an event and the head move in one transaction, so everything up to headSeq is committed).
  const [head] = await query<{ last_seq: bigint | string; last_hash: string }>("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1", []);
  if (!head) throw new Error("Audit chain head is missing: the audit migration has not run.");
  const headSeq = BigInt(head.last_seq);

  let checked = 0;
  let previousHash = GENESIS_HASH;
  let last = null as { seq: bigint; id: string } | null;
  let lastReport = started;
  const finish = (broken?: ChainBreak): VerifyResult => {
    const elapsedMs = performance.now() - started;
    return { ok: !broken, checked, headSeq, elapsedMs, eventsPerSecond: elapsedMs > 0 ? (checked * 1000) / elapsedMs : 0, broken };
  };

  // Keyset batches; the next batch is fetched while this one is hashed. No "seq <= head" in
  // the SQL: with it the planner may scan the whole remaining range for every batch.
  const fetchAfter = (after: bigint) =>
    query<FastRow>(`SELECT seq, id, prev_hash, hash, ${CANONICAL_SQL} AS canonical FROM audit_event WHERE seq > $1::bigint ORDER BY seq LIMIT $2::int`, [
      after.toString(),
      batchSize,
    ]);
  let pending: Promise<FastRow[]> | null = fetchAfter(-1n);
  while (pending) {
    const batch: FastRow[] = await pending;
    const lastInBatch = batch.at(-1);
    pending = batch.length === batchSize && lastInBatch && BigInt(lastInBatch.seq) < headSeq ? fetchAfter(BigInt(lastInBatch.seq)) : null;
    for (const event of batch) {
      const seq: bigint = BigInt(event.seq);
      if (seq > headSeq) {
        pending = null;
        break;
      }
      if (event.prev_hash !== previousHash) {
        await pending?.catch(() => undefined);
        return finish({ seq, id: event.id, check: "prev_hash", expected: previousHash, actual: event.prev_hash });
      }
      if (event.hash !== hmac(event.prev_hash, event.canonical)) {
        const [full] = await query<StoredEvent>(FULL_ROW_SQL, [seq.toString()]);
        const expected = full ? hmac(full.prev_hash, canonicalAuditRow(storedToCanonical(full))) : "";
        if (!full || full.hash !== expected) {
          await pending?.catch(() => undefined);
          return finish({ seq, id: event.id, check: "hash", expected, actual: event.hash });
        }
      }
      previousHash = event.hash;
      last = { seq, id: event.id };
      checked++;
    }
    const now = performance.now();
    if (options.onProgress && now - lastReport >= progressEveryMs && last) {
      lastReport = now;
      options.onProgress({ checked, lastSeq: last.seq, headSeq, elapsedMs: now - started });
    }
  }

  const lastSeq = last?.seq ?? 0n;
  if (lastSeq !== headSeq || head.last_hash !== previousHash) {
    return finish({
      seq: last?.seq ?? null,
      id: last?.id ?? null,
      check: "head",
      expected: `${lastSeq}:${previousHash}`,
      actual: `${headSeq}:${head.last_hash}`,
    });
  }
  return finish();
}

/** One line for people: where the chain breaks and what failed there. */
export function describeBreak(broken: ChainBreak): string {
  const where = broken.seq === null ? "before the first event" : `seq ${broken.seq} (id ${broken.id})`;
  switch (broken.check) {
    case "prev_hash":
      return `${where}: prev_hash does not match the hash of the event before it (an event was removed, inserted or reordered).`;
    case "hash":
      return `${where}: hash does not match the event's content (the event was edited).`;
    case "head":
      return `chain head (last_seq:last_hash ${broken.actual}) does not match the last event ${where} (${broken.expected}): events after it were removed or the head was edited.`;
  }
}
