import { translator, type Locale, type MessageKey } from "~/i18n/i18n";
import type { AuditFilter } from "./audit-filter.schema";
import { auditRowsForExport, type AuditRow } from "./audit-log.server";
import { csvRow, UTF8_BOM } from "./csv";

/** The export's columns: stable codes (actions, roles, decisions) so the file can be processed. */
const COLUMNS: { label: MessageKey; value: (row: AuditRow) => string | null }[] = [
  { label: "audit.col.seq", value: (row) => row.seq },
  { label: "audit.col.id", value: (row) => row.id },
  { label: "audit.col.timeUtc", value: (row) => row.occurredAt },
  { label: "audit.col.user", value: (row) => row.username },
  { label: "audit.col.displayName", value: (row) => row.displayName },
  { label: "audit.col.roles", value: (row) => row.roles.join(" ") },
  { label: "audit.col.action", value: (row) => row.action },
  { label: "audit.col.recordType", value: (row) => row.recordType },
  { label: "audit.col.recordId", value: (row) => row.recordId },
  { label: "audit.col.fields", value: (row) => row.fields.join(" ") },
  { label: "audit.col.purpose", value: (row) => row.purpose },
  { label: "audit.col.decision", value: (row) => row.decision },
  { label: "audit.col.requestId", value: (row) => row.requestId },
  { label: "audit.col.ip", value: (row) => row.ip },
];

/** A CSV stream of the matching events, newest first; rows are read in batches as it is sent. */
export function auditCsvStream(filter: AuditFilter, locale: Locale, maxRows?: number): ReadableStream<Uint8Array> {
  const t = translator(locale);
  const encoder = new TextEncoder();
  const batches = auditRowsForExport(filter, maxRows);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvRow(COLUMNS.map((column) => t(column.label)))));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => csvRow(COLUMNS.map((column) => column.value(row)))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

export function exportFileName(now = new Date()): string {
  return `kamkor-audit-${now.toISOString().slice(0, 16).replace(/\D/g, "")}.csv`;
}
