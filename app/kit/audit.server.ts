import type { AuditDecision } from "~/generated/prisma/client.ts";
import type { AuditAction } from "~/server/audit/actions";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import type { Caller } from "./request.server";

/**
 * The audit event of a module's read or write, by the caller: field names, never values. Awaited
 * after the transaction commits, so a refused or rolled-back write leaves no "allowed" event.
 */
export function auditBy(
  caller: Caller,
  event: { action: AuditAction; record?: { type: string; id: string }; fields?: readonly string[]; purpose?: string; decision?: AuditDecision },
): Promise<void> {
  return recordAudit({
    actor: auditActor(caller.user),
    action: event.action,
    decision: event.decision ?? "allowed",
    record: event.record,
    fields: event.fields,
    purpose: event.purpose,
    context: caller.context,
  });
}

/** The audit wrapper of one record type: `const audit = recordAuditor("support_plan")`. */
export function recordAuditor(recordType: string) {
  return (caller: Caller, action: AuditAction, recordId: string, fields: readonly string[] = [], purpose?: string, decision: AuditDecision = "allowed") =>
    auditBy(caller, { action, record: { type: recordType, id: recordId }, fields, purpose, decision });
}
