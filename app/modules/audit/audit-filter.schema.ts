import { z } from "zod";
import type { MessageKey } from "~/i18n/i18n";
import { AUDIT_ACTIONS } from "~/server/audit/actions";

/**
 * The auditor's search: a GET form (searching changes nothing), validated strictly. Empty
 * fields count as absent. Messages are catalogue keys. Dates are Bishkek calendar days.
 */
/** Events per page of the log and of the person report. */
export const PAGE_SIZE = 50;
/** The most rows one CSV export holds (the newest matching events). */
export const EXPORT_MAX_ROWS = 100_000;

export const AUDIT_DECISIONS = ["allowed", "denied", "failed"] as const;
export type AuditDecisionName = (typeof AUDIT_DECISIONS)[number];

/** The filter fields, in form order; the audit.search event lists the ones used. */
export const AUDIT_FILTER_FIELDS = ["user", "recordType", "recordId", "action", "decision", "from", "to"] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

export type AuditFilter = {
  user?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  decision?: AuditDecisionName;
  /** yyyy-mm-dd, Bishkek days, both inclusive. */
  from?: string;
  to?: string;
};

/** Keyset paging: `before` = older than this seq (next page), `after` = newer (previous page). */
export type AuditCursor = { before?: bigint; after?: bigint };

/** Visible control characters never belong in a filter; they would only forge output. */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

function text(max: number, message: MessageKey, pattern: RegExp = NO_CONTROL) {
  return z
    .string()
    .trim()
    .max(max, message)
    .regex(pattern, message)
    .transform((value) => (value === "" ? undefined : value))
    .optional();
}

function choice<T extends readonly [string, ...string[]]>(values: T, message: MessageKey) {
  return z
    .string()
    .trim()
    .refine((value) => value === "" || (values as readonly string[]).includes(value), message)
    .transform((value) => (value === "" ? undefined : (value as T[number])))
    .optional();
}

/** yyyy-mm-dd (what <input type="date"> sends) or DD.MM.YYYY (typed by hand) → yyyy-mm-dd. */
const dateField = z
  .string()
  .trim()
  .max(10, "audit.error.date")
  .transform((value, ctx) => {
    if (value === "") return undefined;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const typed = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : typed ? [typed[3], typed[2], typed[1]].map(Number) : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    if (!real || year < 2000 || year > 2100) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "audit.error.date" });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  })
  .optional();

const cursorField = z
  .string()
  .regex(/^\d{1,18}$/, "error.badRequest")
  .transform((value) => BigInt(value))
  .optional();

export const auditSearchSchema = z
  .object({
    user: text(100, "audit.error.user"),
    recordType: text(50, "audit.error.recordType", /^[a-z][a-z0-9_]*$|^$/),
    recordId: text(100, "audit.error.recordId"),
    action: choice(AUDIT_ACTIONS, "audit.error.action"),
    decision: choice(AUDIT_DECISIONS, "audit.error.decision"),
    from: dateField,
    to: dateField,
    before: cursorField,
    after: cursorField,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.recordId && !value.recordType) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["recordType"], message: "audit.error.recordTypeRequired" });
    }
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "audit.error.period" });
    }
    if (value.before !== undefined && value.after !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["before"], message: "error.badRequest" });
    }
  });

export type AuditSearchValues = Partial<Record<AuditFilterField, string>>;

export type AuditSearchParse =
  | { ok: true; filter: AuditFilter; cursor: AuditCursor; used: AuditFilterField[]; values: AuditSearchValues }
  | { ok: false; fieldErrors: Partial<Record<AuditFilterField, MessageKey>>; formError?: MessageKey; values: AuditSearchValues };

/** Reads the search from a URL's query. A repeated or unknown parameter refuses the whole search. */
export function parseAuditSearch(params: URLSearchParams): AuditSearchParse {
  const raw: Record<string, string> = {};
  let repeated = false;
  for (const [key, value] of params) {
    if (key in raw) repeated = true;
    raw[key] = value;
  }
  const values: AuditSearchValues = {};
  for (const field of AUDIT_FILTER_FIELDS) if (typeof raw[field] === "string") values[field] = raw[field].slice(0, 200);
  if (repeated) return { ok: false, fieldErrors: {}, formError: "error.badRequest", values };

  const result = auditSearchSchema.safeParse(raw);
  if (!result.success) {
    const fieldErrors: Partial<Record<AuditFilterField, MessageKey>> = {};
    let formError: MessageKey | undefined;
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if ((AUDIT_FILTER_FIELDS as readonly unknown[]).includes(field)) fieldErrors[field as AuditFilterField] ??= issue.message as MessageKey;
      else formError = "error.badRequest";
    }
    // zod skips the cross-field checks while a field is invalid: say everything at once.
    if (raw.recordId?.trim() && !raw.recordType?.trim()) fieldErrors.recordType ??= "audit.error.recordTypeRequired";
    return { ok: false, fieldErrors, formError, values };
  }
  const { before, after, ...filter } = result.data;
  const used = AUDIT_FILTER_FIELDS.filter((field) => filter[field] !== undefined);
  return { ok: true, filter, cursor: { before, after }, used, values };
}

/** Bishkek is UTC+6 all year (no daylight saving since 2005). */
const BISHKEK_OFFSET = "+06:00";

/** The period as instants: [from 00:00, day after `to` 00:00) in Bishkek time. */
export function periodBounds(filter: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  const gte = filter.from ? new Date(`${filter.from}T00:00:00${BISHKEK_OFFSET}`) : undefined;
  const lt = filter.to ? new Date(new Date(`${filter.to}T00:00:00${BISHKEK_OFFSET}`).getTime() + 24 * 60 * 60 * 1000) : undefined;
  return { gte, lt };
}

/** The filter as query parameters (for links: pages, export). */
export function filterToSearchParams(filter: AuditFilter, cursor: AuditCursor = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = filter[field];
    if (value !== undefined) params.set(field, value);
  }
  if (cursor.before !== undefined) params.set("before", cursor.before.toString());
  if (cursor.after !== undefined) params.set("after", cursor.after.toString());
  return params;
}

/** A person id in the address (/audit/person/:personId): ids are UUIDs. */
export const personIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "audit.error.personId")
  .transform((value) => value.toLowerCase());
