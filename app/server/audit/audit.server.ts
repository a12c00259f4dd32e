import crypto from "node:crypto";
import type { AuditDecision } from "~/generated/prisma/client.ts";
import { getPrisma } from "~/server/db.server";
import { deriveKey } from "~/server/encryption/root-key.server";
import { newId } from "~/server/ids.server";
import type { KamkorLoadContext } from "~/server/load-context";
import type { AuditAction } from "./actions";

/**
 * The append-only, tamper-evident audit log. Each event stores `prev_hash` and
 * `hash = HMAC-SHA256(audit key, prev_hash ‖ canonical row)`; appends lock the chain head so
 * links never fork, even with several app servers. Values of fields are never logged — only
 * field names. If the append fails, the caller's request fails (fail closed).
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

/** Control characters are removed so that no value can forge lines in an export or a log. */
function clean(value: string | null | undefined, max = 200): string | null {
  if (value == null) return null;
  return value.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, max);
}

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

export function buildAuditRow(input: AuditInput): CanonicalAuditRow {
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

/** Appends one event to the chain. Throws if it cannot: the request must fail with it. */
export async function recordAudit(input: AuditInput): Promise<void> {
  const prisma = await getPrisma();
  const row = buildAuditRow(input);
  await prisma.$transaction(async (tx) => {
    const [head] = await tx.$queryRaw<{ last_hash: string }[]>`
      SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`;
    if (!head) throw new Error("Audit chain head is missing: the audit migration has not run.");
    const hash = chainHash(head.last_hash, row);
    const [inserted] = await tx.$queryRaw<{ seq: bigint }[]>`
      INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, actor_roles, actor_agency_id,
        session_hash, action, record_type, record_id, fields, purpose, decision, request_id, ip, prev_hash, hash)
      VALUES (${row.id}, ${new Date(row.occurredAt)}, ${row.actorUserId}, ${row.actorUsername}, ${row.actorRoles},
        ${row.actorAgencyId}, ${row.sessionHash}, ${row.action}, ${row.recordType}, ${row.recordId}, ${row.fields},
        ${row.purpose}, ${row.decision}::"AuditDecision", ${row.requestId}, ${row.ip}, ${head.last_hash}, ${hash})
      RETURNING seq`;
    await tx.$executeRaw`UPDATE audit_chain_head SET last_seq = ${inserted.seq}, last_hash = ${hash} WHERE id = 1`;
  });
}

/** The actor fields of a signed-in user, for recordAudit. */
export function auditActor(user: { id: string; username: string; roles: readonly string[]; agency: { id: string }; sessionId?: string }): AuditActor {
  return { userId: user.id, username: user.username, roles: user.roles, agencyId: user.agency.id, sessionId: user.sessionId };
}
