import { getDatabase } from "~/server/db.server";
import { appendAudit, type AuditActor, type AuditInput } from "./append.server";

/**
 * The append-only, tamper-evident audit log. Each event stores `prev_hash` and
 * `hash = HMAC-SHA256(audit key, prev_hash ‖ canonical row)`; appends lock the chain head so
 * links never fork, even with several app servers. Values of fields are never logged — only
 * field names. If the append fails, the caller's request fails (fail closed).
 *
 * The row, the hash chain and the append itself are in append.server.ts, which db.server
 * also uses; this module adds the process database, so callers need not know about it.
 */

export {
  auditAppendStats,
  auditChainKey,
  buildAuditRow,
  canonicalAuditRow,
  chainHash,
  cleanAuditText,
  forgetCachedHeadForTests,
  GENESIS_HASH,
  resetAuditKeyForTests,
  setOptimisticRetriesForTests,
  type AuditActor,
  type AuditInput,
  type CanonicalAuditRow,
} from "./append.server";

/** Appends one event to the chain. Throws if it cannot: the request must fail with it. */
export function recordAudit(input: AuditInput): Promise<void> {
  return appendAudit(getDatabase, input);
}

/** The actor fields of a signed-in user, for recordAudit. */
export function auditActor(user: { id: string; username: string; roles: readonly string[]; agency: { id: string }; sessionId?: string }): AuditActor {
  return { userId: user.id, username: user.username, roles: user.roles, agencyId: user.agency.id, sessionId: user.sessionId };
}
