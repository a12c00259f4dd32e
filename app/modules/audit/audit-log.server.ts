import type { Prisma } from "~/generated/prisma/client.ts";
import { auditBy } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { EXPORT_MAX_ROWS, PAGE_SIZE, periodBounds, type AuditCursor, type AuditFilter, type AuditFilterField } from "./audit-filter.schema";

/**
 * The auditor's reads. They touch audit_event and, for people's names, app_user and agency —
 * never a case record: the auditor sees who did what to which record id and which field
 * names, never the content. Every read is itself audited first (fail closed).
 *
 * Paging is keyset (newest first), 50 a page, no OFFSET and no COUNT: each filter walks one
 * index — (action, seq), (actor_username, seq), (record_type, record_id, seq), (occurred_at,
 * seq) or the primary key — and stops after 51 rows.
 */
const EXPORT_BATCH = 2_000;

export type AuditRow = {
  seq: string;
  id: string;
  occurredAt: string;
  userId: string | null;
  username: string | null;
  displayName: string | null;
  agency: { nameRu: string; nameKy: string; nameEn: string } | null;
  roles: string[];
  action: string;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
  purpose: string | null;
  decision: string;
  requestId: string | null;
  ip: string | null;
};

export type AuditPage = {
  rows: AuditRow[];
  /** Cursor for the newer page ("previous page"), if there are newer matching events. */
  newer: string | null;
  /** Cursor for the older page ("next page"), if there are older matching events. */
  older: string | null;
};

const EVENT_SELECT = {
  seq: true,
  id: true,
  occurredAt: true,
  actorUserId: true,
  actorUsername: true,
  actorRoles: true,
  action: true,
  recordType: true,
  recordId: true,
  fields: true,
  purpose: true,
  decision: true,
  requestId: true,
  ip: true,
} satisfies Prisma.AuditEventSelect;

type EventRecord = Prisma.AuditEventGetPayload<{ select: typeof EVENT_SELECT }>;

export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const { gte, lt } = periodBounds(filter);
  return {
    ...(filter.user ? { actorUsername: filter.user } : {}),
    ...(filter.recordType ? { recordType: filter.recordType } : {}),
    ...(filter.recordId ? { recordId: filter.recordId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.decision ? { decision: filter.decision } : {}),
    ...(gte || lt ? { occurredAt: { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } } : {}),
  };
}

/** Names for the users on a page (one query for the page, not one per row). */
async function withNames(events: EventRecord[]): Promise<AuditRow[]> {
  const prisma = await getPrisma();
  const ids = [...new Set(events.map((event) => event.actorUserId).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await prisma.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, displayName: true, agency: { select: { nameRu: true, nameKy: true, nameEn: true } } },
      })
    : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  return events.map((event) => {
    const user = event.actorUserId ? byId.get(event.actorUserId) : undefined;
    return {
      seq: event.seq.toString(),
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      userId: event.actorUserId,
      username: event.actorUsername,
      displayName: user?.displayName ?? null,
      agency: user?.agency ?? null,
      roles: event.actorRoles,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      fields: event.fields,
      purpose: event.purpose,
      decision: event.decision,
      requestId: event.requestId,
      ip: event.ip,
    };
  });
}

/**
 * The order of results and of keyset paging: by seq (chain order), except when a period is
 * given — then by (occurred_at, seq), so the (occurred_at, seq) index finds a day deep in the
 * past directly instead of walking the primary key back from the newest event. Cursors stay
 * seq numbers; the time of the cursor event is looked up by its primary key.
 */
type Key = { seq: bigint; occurredAt: Date };
type Direction = "older" | "newer";

function byTime(filter: AuditFilter): boolean {
  return filter.from !== undefined || filter.to !== undefined;
}

function beyond(key: Key, direction: Direction, timeOrder: boolean): Prisma.AuditEventWhereInput {
  const seq = direction === "older" ? { lt: key.seq } : { gt: key.seq };
  if (!timeOrder) return { seq };
  const time = direction === "older" ? { lt: key.occurredAt } : { gt: key.occurredAt };
  // The outer bound lets the index range start at the cursor; the OR breaks ties by seq.
  return {
    occurredAt: direction === "older" ? { lte: key.occurredAt } : { gte: key.occurredAt },
    OR: [{ occurredAt: time }, { occurredAt: key.occurredAt, seq }],
  };
}

function orderFor(direction: Direction, timeOrder: boolean): Prisma.AuditEventOrderByWithRelationInput[] {
  const sort = direction === "older" ? "desc" : "asc";
  return timeOrder ? [{ occurredAt: sort }, { seq: sort }] : [{ seq: sort }];
}

/** One page of matching events, newest first, and the cursors around it. */
export async function auditPage(filter: AuditFilter, cursor: AuditCursor, pageSize = PAGE_SIZE): Promise<AuditPage> {
  const prisma = await getPrisma();
  const where = auditWhere(filter);
  const timeOrder = byTime(filter);
  const empty: AuditPage = { rows: [], newer: null, older: null };
  const keyOf = async (seq: bigint): Promise<Key | null> =>
    timeOrder ? prisma.auditEvent.findUnique({ where: { seq }, select: { seq: true, occurredAt: true } }) : { seq, occurredAt: new Date(0) };
  const exists = async (key: Key, direction: Direction) =>
    (await prisma.auditEvent.findFirst({
      where: { AND: [where, beyond(key, direction, timeOrder)] },
      orderBy: orderFor(direction, timeOrder),
      select: { seq: true },
    })) !== null;

  if (cursor.after !== undefined) {
    // Previous page: the oldest `pageSize` events newer than the cursor, shown newest first.
    const key = await keyOf(cursor.after);
    if (!key) return empty;
    const found = await prisma.auditEvent.findMany({
      where: { AND: [where, beyond(key, "newer", timeOrder)] },
      orderBy: orderFor("newer", timeOrder),
      take: pageSize + 1,
      select: EVENT_SELECT,
    });
    const page = found.slice(0, pageSize).reverse();
    const oldest = page.at(-1);
    return {
      rows: await withNames(page),
      newer: found.length > pageSize && page[0] ? page[0].seq.toString() : null,
      older: oldest && (await exists(oldest, "older")) ? oldest.seq.toString() : null,
    };
  }

  const key = cursor.before !== undefined ? await keyOf(cursor.before) : undefined;
  if (key === null) return empty;
  const found = await prisma.auditEvent.findMany({
    where: key ? { AND: [where, beyond(key, "older", timeOrder)] } : where,
    orderBy: orderFor("older", timeOrder),
    take: pageSize + 1,
    select: EVENT_SELECT,
  });
  const page = found.slice(0, pageSize);
  const newest = page[0];
  return {
    rows: await withNames(page),
    newer: key && newest && (await exists(newest, "newer")) ? newest.seq.toString() : null,
    older: found.length > pageSize ? page[pageSize - 1].seq.toString() : null,
  };
}

/** The /audit search: audited (which filters were used, never their values), then one page. */
export async function searchAuditLog(args: Caller & { filter: AuditFilter; cursor: AuditCursor; used: readonly AuditFilterField[] }): Promise<AuditPage> {
  await auditBy(args, { action: "audit.search", fields: args.used });
  return auditPage(args.filter, args.cursor);
}

export type PersonAccessGroup = {
  userId: string | null;
  username: string | null;
  displayName: string | null;
  first: string;
  last: string;
  count: number;
  actions: { action: string; count: number }[];
};

/**
 * "Who has seen this person": every event about person `personId`, grouped by user with
 * first/last access and counts, plus the events themselves (paged). Reads no Person row.
 */
export async function personAccessReport(args: Caller & { personId: string; cursor: AuditCursor }): Promise<{ groups: PersonAccessGroup[]; page: AuditPage }> {
  await auditBy(args, { action: "audit.person_access_report", record: { type: "person", id: args.personId } });
  const prisma = await getPrisma();
  const where = { recordType: "person", recordId: args.personId };
  const byAction = await prisma.auditEvent.groupBy({
    by: ["actorUserId", "actorUsername", "action"],
    where,
    _min: { occurredAt: true },
    _max: { occurredAt: true },
    _count: { _all: true },
  });
  const groups = new Map<string, PersonAccessGroup>();
  for (const row of byAction) {
    const key = JSON.stringify([row.actorUserId, row.actorUsername]);
    const first = row._min.occurredAt?.toISOString() ?? "";
    const last = row._max.occurredAt?.toISOString() ?? "";
    const group = groups.get(key) ?? { userId: row.actorUserId, username: row.actorUsername, displayName: null, first, last, count: 0, actions: [] };
    if (first < group.first) group.first = first;
    if (last > group.last) group.last = last;
    group.count += row._count._all;
    group.actions.push({ action: row.action, count: row._count._all });
    groups.set(key, group);
  }
  const ids = [...new Set(byAction.map((row) => row.actorUserId).filter((id): id is string => id !== null))];
  const names = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const nameOf = new Map(names.map((user) => [user.id, user.displayName]));
  const list = [...groups.values()].map((group) => ({
    ...group,
    displayName: group.userId ? (nameOf.get(group.userId) ?? null) : null,
    actions: group.actions.sort((a, b) => b.count - a.count || a.action.localeCompare(b.action)),
  }));
  list.sort((a, b) => b.last.localeCompare(a.last));
  return { groups: list, page: await auditPage(where, args.cursor) };
}

/**
 * The CSV export's rows, newest first, in batches (keyset), at most EXPORT_MAX_ROWS. The
 * export is audited by the caller before the first batch is read.
 */
export async function* auditRowsForExport(filter: AuditFilter, max = EXPORT_MAX_ROWS): AsyncGenerator<AuditRow[]> {
  const prisma = await getPrisma();
  const where = auditWhere(filter);
  const timeOrder = byTime(filter);
  let after: Key | undefined;
  let remaining = max;
  while (remaining > 0) {
    const batch = await prisma.auditEvent.findMany({
      where: after ? { AND: [where, beyond(after, "older", timeOrder)] } : where,
      orderBy: orderFor("older", timeOrder),
      take: Math.min(EXPORT_BATCH, remaining),
      select: EVENT_SELECT,
    });
    if (batch.length === 0) return;
    yield await withNames(batch);
    remaining -= batch.length;
    after = batch[batch.length - 1];
    if (batch.length < EXPORT_BATCH) return;
  }
}

/** Records the export (fail closed: no event, no file). */
export async function recordExport(args: Caller & { used: readonly AuditFilterField[] }): Promise<void> {
  await auditBy(args, { action: "audit.export", fields: args.used });
}
