import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  auditActor,
  auditAppendStats,
  canonicalAuditRow,
  forgetCachedHeadForTests,
  recordAudit,
  setOptimisticRetriesForTests,
  type AuditInput,
} from "~/server/audit/audit.server";
import { CANONICAL_SQL, storedToCanonical, verifyAuditChain, type StoredEvent } from "~/server/audit/verify.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { useEngine, type Engine } from "../support/engines";
import { workerDatabase } from "../support/worker-database";
import { freshPostgresDatabase } from "../support/fresh-database";

/**
 * The audit log's guarantees: appends form one unbroken chain (also under concurrency and
 * with several appenders that do not share state, like several app servers), the verifier
 * passes on it and names the first broken link after tampering, and the database refuses
 * UPDATE, DELETE and TRUNCATE. Each engine gets its own fresh database, because tampering
 * breaks a chain for good and the shared test database must stay verifiable for others.
 */
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "audit-test").toString("base64");

const run = promisify(execFile);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const actor = { userId: "user-1", username: "inspector", roles: ["juvenile_inspector"], agencyId: "agency-1", sessionId: "session-1" };

function event(n: number, extra: Partial<AuditInput> = {}): AuditInput {
  return {
    actor: n % 7 === 0 ? null : actor,
    attemptedUsername: n % 7 === 0 ? `guess-${n}` : undefined,
    action: n % 7 === 0 ? "auth.sign_in" : "person.read",
    decision: n % 7 === 0 ? "failed" : n % 5 === 0 ? "denied" : "allowed",
    record: n % 7 === 0 ? undefined : { type: "person", id: `person-${n % 13}` },
    fields: n % 3 === 0 ? [] : ["surname", "givenName"],
    purpose: n % 11 === 0 ? `break-glass:grant-${n}` : undefined,
    context: { requestId: `request-${n}`, ip: `10.0.0.${n % 250}` },
    ...extra,
  };
}

type EventRow = { seq: string; id: string; prev_hash: string; hash: string };

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("audit chain on %s", (engine) => {
  let database: Database;
  let urls: { appUrl: string; adminUrl: string } | undefined;

  /** SQL as a role that can bypass the trigger: the PostgreSQL superuser, or PGlite's own user. */
  async function asSuperuser(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    if (urls) return withClient(urls.adminUrl, async (client) => (await client.query(sql, params)).rows);
    return database.withConnection((connection) => connection.query(sql, params));
  }
  /** Runs `sql` with triggers off (session_replication_role = replica), as a tamperer with superuser access would. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    if (urls) {
      await withClient(urls.adminUrl, async (client) => {
        await client.query("SET session_replication_role = replica");
        await client.query(sql, params);
      });
      return;
    }
    await database.withConnection(async (connection) => {
      await connection.query("SET session_replication_role = replica");
      try {
        await connection.query(sql, params);
      } finally {
        await connection.query("SET session_replication_role = DEFAULT");
      }
    });
  }
  const events = () => asSuperuser("SELECT seq::text AS seq, id, prev_hash, hash FROM audit_event ORDER BY audit_event.seq") as Promise<EventRow[]>;

  beforeAll(async () => {
    await closeDatabase();
    if (engine === "postgres") urls = await freshPostgresDatabase("kamkor_audit_chain", workerDatabase());
    database = await useEngine(engine, urls?.appUrl ?? "");
  });

  test("an empty log verifies (head at genesis)", async () => {
    const result = await verifyAuditChain({ database });
    expect(result).toMatchObject({ ok: true, checked: 0, headSeq: 0n });
  });

  test("appends link every event to the one before it, in seq order, and the head follows", async () => {
    for (let n = 1; n <= 120; n++) await recordAudit(event(n));
    const rows = await events();
    expect(rows).toHaveLength(120);
    expect(rows[0].prev_hash).toBe("genesis");
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      expect(BigInt(rows[i].seq)).toBeGreaterThan(BigInt(rows[i - 1].seq));
    }
    const [head] = await asSuperuser("SELECT last_seq::text AS last_seq, last_hash FROM audit_chain_head");
    expect(head).toEqual({ last_seq: rows.at(-1)!.seq, last_hash: rows.at(-1)!.hash });
    expect(await verifyAuditChain({ database, batchSize: 16 })).toMatchObject({ ok: true, checked: 120 });
  });

  test("stored values are the cleaned ones: CR/LF in a typed username cannot forge a line", async () => {
    await recordAudit(event(7, { attemptedUsername: "eve\r\nadmin signed in" }));
    const [row] = await asSuperuser("SELECT actor_username FROM audit_event ORDER BY seq DESC LIMIT 1");
    expect(row.actor_username).toBe("eve  admin signed in");
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });

  test("the verifier's database-built canonical text equals canonicalAuditRow, whatever the values", async () => {
    const nasty = ['"quoted"', "back\\slash \\u0041", "Ёжик 🦔 漢字", "\u2028\u2029\u0085", "\u0001\b\f\n\r\t\u001f\u007f", "</script>/", "", "null"];
    const rows = await database.withConnection(async (connection) => {
      await connection.query("CREATE TEMP TABLE canonical_probe (LIKE audit_event)");
      try {
        for (const [n, text] of nasty.entries()) {
          await connection.query(
            `INSERT INTO canonical_probe (seq, id, occurred_at, actor_user_id, actor_username, actor_roles, actor_agency_id, session_hash,
               action, record_type, record_id, fields, purpose, decision, request_id, ip, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $2, $5, NULL, $2, $2, $2, $2, $6, $2, 'denied', NULL, $2, 'p', 'h')`,
            [n + 1, text, new Date(Date.UTC(2026, 0, 1, 0, 0, n, n * 7)), n % 2 ? null : text, [text, "x"], n % 3 ? [] : [text, "null", "NULL"]],
          );
        }
        return await connection.query<StoredEvent & { canonical: string }>(
          `SELECT *, decision::text AS decision, ${CANONICAL_SQL} AS canonical FROM canonical_probe ORDER BY seq`,
        );
      } finally {
        await connection.query("DROP TABLE canonical_probe");
      }
    });
    expect(rows).toHaveLength(nasty.length);
    for (const row of rows) expect(row.canonical).toBe(canonicalAuditRow(storedToCanonical(row)));
  });

  test("50 concurrent appends produce one unbroken chain", async () => {
    const before = (await events()).length;
    await Promise.all(Array.from({ length: 50 }, (_, n) => recordAudit(event(1000 + n))));
    const rows = await events();
    expect(rows).toHaveLength(before + 50);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(await verifyAuditChain({ database })).toMatchObject({ ok: true, checked: rows.length });
  });

  test("two appenders that share nothing but the database (like two app servers) still build one chain", async () => {
    vi.resetModules();
    const other = await import("~/server/audit/audit.server");
    expect(other.recordAudit).not.toBe(recordAudit);
    const before = (await events()).length;
    await Promise.all(Array.from({ length: 60 }, (_, n) => (n % 2 === 0 ? recordAudit(event(2000 + n)) : other.recordAudit(event(2000 + n)))));
    // A stale idea of the head (another server appended meanwhile) is noticed and corrected.
    forgetCachedHeadForTests("stale-head");
    await recordAudit(event(3000));
    const rows = await events();
    expect(rows).toHaveLength(before + 61);
    expect(await verifyAuditChain({ database })).toMatchObject({ ok: true, checked: rows.length });
  });

  test("the locked path (used when other servers keep moving the head) links just as well", async () => {
    const before = (await events()).length;
    const locked = auditAppendStats.locked;
    setOptimisticRetriesForTests(-1);
    try {
      await Promise.all(Array.from({ length: 20 }, (_, n) => recordAudit(event(5000 + n))));
      await recordAudit(event(5100));
    } finally {
      setOptimisticRetriesForTests(1);
    }
    expect(auditAppendStats.locked).toBeGreaterThan(locked);
    const rows = await events();
    expect(rows).toHaveLength(before + 21);
    expect(await verifyAuditChain({ database })).toMatchObject({ ok: true, checked: rows.length });
  });

  test("an unknown action or decision is refused before it reaches the log, and the log carries on", async () => {
    await expect(recordAudit(event(1, { action: "person.delete_all" as never }))).rejects.toThrow(/Unknown audit action/);
    await expect(recordAudit(event(1, { decision: "maybe" as never }))).rejects.toThrow(/Unknown audit decision/);
    await recordAudit({
      actor: auditActor({ id: "u2", username: "auditor", roles: ["auditor"], agency: { id: "a" }, sessionId: "s" }),
      action: "audit.search",
      decision: "allowed",
    });
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });

  test("the database refuses UPDATE, DELETE and TRUNCATE on audit_event (trigger, even for a superuser)", async () => {
    for (const sql of ["UPDATE audit_event SET action = 'auth.sign_out'", "DELETE FROM audit_event", "TRUNCATE audit_event"]) {
      await expect(asSuperuser(sql), sql).rejects.toThrow(/append-only/);
    }
    expect((await events()).length).toBeGreaterThan(0);
  });

  test("an edited event is named as the first broken link; restoring it heals the chain", async () => {
    const rows = await events();
    const target = rows[Math.floor(rows.length / 2)];
    const [original] = await asSuperuser("SELECT record_id, fields FROM audit_event WHERE seq = $1::bigint", [target.seq]);
    await tamper("UPDATE audit_event SET record_id = 'someone-else', fields = ARRAY['notes'] WHERE seq = $1::bigint", [target.seq]);
    const result = await verifyAuditChain({ database });
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ seq: BigInt(target.seq), id: target.id, check: "hash" });

    await tamper("UPDATE audit_event SET record_id = $2, fields = $3 WHERE seq = $1::bigint", [target.seq, original.record_id, original.fields]);
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });

  test("a rewritten hash cannot hide an edit: without the key the recomputed link does not match", async () => {
    const rows = await events();
    const [target, next] = [rows[10], rows[11]];
    const [original] = await asSuperuser("SELECT decision::text AS decision FROM audit_event WHERE seq = $1::bigint", [target.seq]);
    const forged = "f".repeat(64);
    await tamper("UPDATE audit_event SET decision = $2, hash = $3 WHERE seq = $1::bigint", [
      target.seq,
      original.decision === "denied" ? "allowed" : "denied",
      forged,
    ]);
    await tamper("UPDATE audit_event SET prev_hash = $2 WHERE seq = $1::bigint", [next.seq, forged]);
    const result = await verifyAuditChain({ database });
    expect(result.broken).toMatchObject({ seq: BigInt(target.seq), id: target.id, check: "hash", actual: forged });

    await tamper("UPDATE audit_event SET decision = $2, hash = $3 WHERE seq = $1::bigint", [target.seq, original.decision, target.hash]);
    await tamper("UPDATE audit_event SET prev_hash = $2 WHERE seq = $1::bigint", [next.seq, target.hash]);
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });

  test("a deleted event in the middle is detected at the event after the gap", async () => {
    const rows = await events();
    const middle = rows[Math.floor(rows.length / 3)];
    const next = rows[Math.floor(rows.length / 3) + 1];
    const [saved] = await asSuperuser("SELECT * FROM audit_event WHERE seq = $1::bigint", [middle.seq]);
    await tamper("DELETE FROM audit_event WHERE seq = $1::bigint", [middle.seq]);
    const result = await verifyAuditChain({ database });
    expect(result.broken).toMatchObject({
      seq: BigInt(next.seq),
      id: next.id,
      check: "prev_hash",
      expected: rows[Math.floor(rows.length / 3) - 1].hash,
      actual: middle.hash,
    });

    await restore(saved);
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });

  test("deleting the newest events is detected by the chain head", async () => {
    const rows = await events();
    const last = rows.at(-1)!;
    const [saved] = await asSuperuser("SELECT * FROM audit_event WHERE seq = $1::bigint", [last.seq]);
    await tamper("DELETE FROM audit_event WHERE seq = $1::bigint", [last.seq]);
    const result = await verifyAuditChain({ database });
    expect(result.broken).toMatchObject({ seq: BigInt(rows.at(-2)!.seq), check: "head" });
    await restore(saved);
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });

  async function restore(row: Record<string, unknown>) {
    const columns = Object.keys(row);
    await tamper(
      `INSERT INTO audit_event (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      columns.map((column) => row[column]),
    );
  }

  if (engine === "postgres") {
    test("the application's role itself cannot UPDATE, DELETE or TRUNCATE the log (grants and trigger)", async () => {
      const appUrl = urls!.appUrl;
      const [who] = await withClient(
        appUrl,
        async (client) => (await client.query("SELECT current_user AS name, usesuper FROM pg_user WHERE usename = current_user")).rows,
      );
      expect(who).toEqual({ name: "kamkor_app", usesuper: false });
      for (const sql of ["UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event WHERE seq = 1", "TRUNCATE audit_event"]) {
        const error = await withClient(appUrl, (client) => client.query(sql)).then(
          () => null,
          (thrown: { code?: string; message: string }) => thrown,
        );
        expect(error, sql).not.toBeNull();
        expect(error!.code, sql).toBe("42501"); // insufficient_privilege: revoked grant, or the trigger
      }
      // It can still append (INSERT) — the app needs that.
      await recordAudit(event(4000));
      expect((await verifyAuditChain({ database })).ok).toBe(true);
    });

    test("npm run audit:verify passes on an intact chain and names the first broken link with exit code 1", async () => {
      const env = { ...process.env, DATABASE_URL: urls!.appUrl, KAMKOR_LOG_LEVEL: "silent" };
      const ok = await run("npx", ["tsx", "scripts/audit-verify.ts"], { env });
      expect(ok.stdout).toMatch(/Audit chain intact: [\d,]+ events/);

      const rows = await events();
      const target = rows[5];
      await tamper("UPDATE audit_event SET ip = '203.0.113.9' WHERE seq = $1::bigint", [target.seq]);
      const broken = await run("npx", ["tsx", "scripts/audit-verify.ts"], { env }).then(
        () => null,
        (thrown: { code: number; stderr: string }) => thrown,
      );
      expect(broken?.code).toBe(1);
      expect(broken?.stderr).toContain(`first broken link: seq ${target.seq} (id ${target.id}): hash does not match`);
    });
  }
});
