import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { signedIn } from "~/kit/request.server";
import { parseAuditSearch } from "~/modules/audit/audit-filter.schema";
import { auditCsvStream, exportFileName } from "~/modules/audit/audit-export.server";
import { recordExport } from "~/modules/audit/audit-log.server";

/**
 * Auditor only: the current search as CSV, streamed in batches (at most EXPORT_MAX_ROWS,
 * newest first). Audited before the first row is read; a bad filter answers 400, never 500.
 */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "audit");
  const { request } = args;
  const params = new URL(request.url).searchParams;
  params.delete("before");
  params.delete("after");
  const parsed = parseAuditSearch(params);
  if (!parsed.ok) return new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  await recordExport({ ...caller, used: parsed.used });
  return new Response(auditCsvStream(parsed.filter, resolveLocale(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName()}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
