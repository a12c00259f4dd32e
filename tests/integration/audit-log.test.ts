import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ru } from "~/i18n/catalogues/ru";
import { auditCsvStream } from "~/modules/audit/audit-export.server";
import { personAccessReport, searchAuditLog } from "~/modules/audit/audit-log.server";
import { loader as auditPageLoader } from "~/routes/audit._index";
import { loader as exportLoader } from "~/routes/audit.export";
import { loader as personLookupLoader } from "~/routes/audit.person._index";
import { loader as personReportLoader } from "~/routes/audit.person.$personId";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { verifyAuditChain } from "~/server/audit/verify.server";
import { startSession } from "~/server/auth/session.server";
import type { AuthorizedUser } from "~/server/authorization.server";
import { closeDatabase, type Database } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { seedDemo } from "~seeds/demo";
import { useEngine, type Engine } from "../support/engines";
import { workerDatabase } from "../support/worker-database";
import { freshPostgresDatabase } from "../support/fresh-database";
import { asUser } from "../support/users";

/**
 * The auditor's reads: search with keyset paging, filters, the "who has seen this person"
 * report, the CSV export, and the routes around them (auditor only, bad input → 400 not 500,
 * every read audited). Each engine gets a fresh database so counts are exact.
 */
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "audit-test").toString("base64");

const context = { requestId: "audit-log-test", ip: "127.0.0.1", cspNonce: "" };

/** The raw text, BOM included (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** Splits our CSV (CRLF rows, quoted cells never contain CR/LF) into cells. */
function csvLines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .filter((m) => m.index! < line.length || m[1] !== "")
        .map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')),
    );
}

type Json = Record<string, unknown>;
async function call(loader: (args: LoaderFunctionArgs) => Promise<Response>, url: string, cookie: string | null, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} });
  try {
    return await loader({ request, context, params } as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("auditor's log on %s", (engine) => {
  let database: Database;
  let auditor: AuthorizedUser;
  let inspector: AuthorizedUser;
  let auditorCookie: string;
  let inspectorCookie: string;
  const personA = newId();
  const personB = newId();

  beforeAll(async () => {
    await closeDatabase();
    const urls = engine === "postgres" ? await freshPostgresDatabase("kamkor_audit_log", workerDatabase()) : undefined;
    database = await useEngine(engine, urls?.appUrl ?? "");
    await seedDemo(database.prisma);
    auditor = await asUser("auditor");
    inspector = await asUser("inspector");
    const socialworker = await asUser("socialworker");
    auditorCookie = (await startSession(auditor.id, "full")).split(";")[0];
    inspectorCookie = (await startSession(inspector.id, "full")).split(";")[0];

    for (let n = 0; n < 120; n++) {
      await recordAudit({
        actor: auditActor(inspector),
        action: "person.read",
        decision: n % 10 === 9 ? "denied" : "allowed",
        record: { type: "person", id: personA },
        fields: ["surname", "birthDate"],
        context,
      });
    }
    for (let n = 0; n < 3; n++) {
      await recordAudit({
        actor: auditActor(socialworker),
        action: "person.read",
        decision: "allowed",
        record: { type: "person", id: personB },
        fields: ["surname"],
        context,
      });
    }
    for (let n = 0; n < 4; n++) {
      await recordAudit({ actor: null, attemptedUsername: "inspector", action: "auth.sign_in", decision: "failed", context });
    }
    await recordAudit({ actor: null, attemptedUsername: '=HYPERLINK("http://evil.example","x")', action: "auth.sign_in", decision: "failed", context });
    await recordAudit({ actor: null, attemptedUsername: "eve\r\nforged,row", action: "auth.sign_in", decision: "failed", context });
    // Either side of midnight in Bishkek (UTC+6) on 11.01.2026.
    await recordAudit({ actor: auditActor(inspector), action: "person.search", decision: "allowed", context, at: new Date("2026-01-10T17:59:59.999Z") });
    await recordAudit({ actor: auditActor(inspector), action: "person.search", decision: "allowed", context, at: new Date("2026-01-10T18:00:00.000Z") });
  });

  test("keyset paging: 50 a page, newest first, next and previous pages without gaps or overlaps", async () => {
    const filter = { recordType: "person", recordId: personA };
    const used = ["recordType", "recordId"] as const;
    const first = await searchAuditLog({ user: auditor, context, filter, cursor: {}, used: [...used] });
    expect(first.rows).toHaveLength(50);
    expect(first.newer).toBeNull();
    expect(first.older).not.toBeNull();
    const second = await searchAuditLog({ user: auditor, context, filter, cursor: { before: BigInt(first.older!) }, used: [...used] });
    const third = await searchAuditLog({ user: auditor, context, filter, cursor: { before: BigInt(second.older!) }, used: [...used] });
    expect(second.rows).toHaveLength(50);
    expect(third.rows).toHaveLength(20);
    expect(third.older).toBeNull();
    const seqs = [...first.rows, ...second.rows, ...third.rows].map((row) => BigInt(row.seq));
    expect(new Set(seqs).size).toBe(120);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeLessThan(seqs[i - 1]);

    const backToSecond = await searchAuditLog({ user: auditor, context, filter, cursor: { after: BigInt(third.newer!) }, used: [...used] });
    expect(backToSecond.rows.map((row) => row.seq)).toEqual(second.rows.map((row) => row.seq));
    const backToFirst = await searchAuditLog({ user: auditor, context, filter, cursor: { after: BigInt(backToSecond.newer!) }, used: [...used] });
    expect(backToFirst.rows.map((row) => row.seq)).toEqual(first.rows.map((row) => row.seq));
    expect(backToFirst.newer).toBeNull();
    expect(backToFirst.older).toBe(first.older);

    // Rows carry names from app_user, never case content.
    expect(first.rows[0]).toMatchObject({
      username: "inspector",
      displayName: inspector.displayName,
      roles: ["juvenile_inspector"],
      action: "person.read",
      recordId: personA,
      fields: ["surname", "birthDate"],
    });
    expect(Object.keys(first.rows[0]).sort()).toEqual(
      [
        "seq",
        "id",
        "occurredAt",
        "userId",
        "username",
        "displayName",
        "agency",
        "roles",
        "action",
        "recordType",
        "recordId",
        "fields",
        "purpose",
        "decision",
        "requestId",
        "ip",
      ].sort(),
    );
  });

  test("with a period, paging follows time (then seq) and still has no gaps or overlaps", async () => {
    const today = new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 10);
    const filter = { action: "person.read", from: "2026-01-01", to: today };
    const expected = await database.prisma.auditEvent.findMany({
      where: { action: "person.read", occurredAt: { gte: new Date("2025-12-31T18:00:00Z") } },
      orderBy: [{ occurredAt: "desc" }, { seq: "desc" }],
      select: { seq: true },
    });
    expect(expected.length).toBe(123);
    const seen: string[] = [];
    let cursor: { before?: bigint } = {};
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const page = await searchAuditLog({ user: auditor, context, filter, cursor, used: ["action", "from", "to"] });
      seen.push(...page.rows.map((row) => row.seq));
      if (pageNo > 0) expect(page.newer).not.toBeNull();
      if (!page.older) break;
      cursor = { before: BigInt(page.older) };
    }
    expect(seen).toEqual(expected.map((row) => row.seq.toString()));
    const back = await searchAuditLog({ user: auditor, context, filter, cursor: { after: BigInt(seen[100]) }, used: [] });
    expect(back.rows.map((row) => row.seq)).toEqual(seen.slice(50, 100));
    // A cursor that names no event gives an empty page, not an error.
    expect(await searchAuditLog({ user: auditor, context, filter, cursor: { before: 999_999_999n }, used: [] })).toEqual({
      rows: [],
      newer: null,
      older: null,
    });
  });

  test("every search is itself audited with the names of the filters used, never their values", async () => {
    await searchAuditLog({ user: auditor, context, filter: { user: "inspector", decision: "denied" }, cursor: {}, used: ["user", "decision"] });
    const latest = await database.prisma.auditEvent.findFirst({ where: { action: "audit.search" }, orderBy: { seq: "desc" } });
    expect(latest).toMatchObject({
      actorUsername: "auditor",
      actorRoles: ["auditor"],
      decision: "allowed",
      fields: ["user", "decision"],
      recordType: null,
      requestId: "audit-log-test",
    });
  });

  test("filters: user (failed sign-ins included), action, decision, record, Bishkek-day period", async () => {
    const search = (filter: Parameters<typeof searchAuditLog>[0]["filter"]) => searchAuditLog({ user: auditor, context, filter, cursor: {}, used: [] });
    const byUser = await search({ user: "inspector", action: "auth.sign_in" });
    expect(byUser.rows).toHaveLength(4);
    expect(byUser.rows.every((row) => row.userId === null && row.decision === "failed")).toBe(true);
    const denied = await search({ user: "inspector", decision: "denied" });
    expect(denied.rows).toHaveLength(12);
    const personB3 = await search({ recordType: "person", recordId: personB });
    expect(personB3.rows.map((row) => row.username)).toEqual(["socialworker", "socialworker", "socialworker"]);
    const day = await search({ action: "person.search", from: "2026-01-11", to: "2026-01-11" });
    expect(day.rows.map((row) => row.occurredAt)).toEqual(["2026-01-10T18:00:00.000Z"]);
    const dayBefore = await search({ action: "person.search", to: "2026-01-10" });
    expect(dayBefore.rows.map((row) => row.occurredAt)).toEqual(["2026-01-10T17:59:59.999Z"]);
    expect((await search({ user: "nobody-at-all" })).rows).toEqual([]);
  });

  test("who has seen this person: grouped by user with first/last access and counts; the report is audited", async () => {
    const report = await personAccessReport({ user: auditor, context, personId: personA, cursor: {} });
    const byName = Object.fromEntries(report.groups.map((group) => [group.username, group]));
    expect(byName.inspector).toMatchObject({ displayName: inspector.displayName, count: 120, actions: [{ action: "person.read", count: 120 }] });
    expect(byName.inspector.first <= byName.inspector.last).toBe(true);
    // The auditor's own look-up is part of the person's history too.
    expect(byName.auditor).toMatchObject({ count: 1, actions: [{ action: "audit.person_access_report", count: 1 }] });
    expect(report.groups[0].username).toBe("auditor");
    expect(report.page.rows).toHaveLength(50);
    expect(report.page.older).not.toBeNull();
    expect(report.page.rows.every((row) => row.recordType === "person" && row.recordId === personA)).toBe(true);

    const unknown = await personAccessReport({ user: auditor, context, personId: newId(), cursor: {} });
    expect(unknown.groups.map((group) => group.username)).toEqual(["auditor"]);
  });

  test("CSV export: header row, one line per event, formula cells neutralised, CR/LF never break a row", async () => {
    const text = await readAll(auditCsvStream({ action: "auth.sign_in" }, "ru"));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = csvLines(text);
    expect(lines[0]).toEqual([
      ru["audit.col.seq"],
      ru["audit.col.id"],
      ru["audit.col.timeUtc"],
      ru["audit.col.user"],
      ru["audit.col.displayName"],
      ru["audit.col.roles"],
      ru["audit.col.action"],
      ru["audit.col.recordType"],
      ru["audit.col.recordId"],
      ru["audit.col.fields"],
      ru["audit.col.purpose"],
      ru["audit.col.decision"],
      ru["audit.col.requestId"],
      ru["audit.col.ip"],
    ]);
    expect(lines).toHaveLength(1 + 6);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(7);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const users = lines.slice(1).map((cells) => cells[3]);
    expect(users).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(users).toContain("eve  forged,row");
    for (const cells of lines.slice(1)) expect(cells).toHaveLength(14);

    const capped = csvLines(await readAll(auditCsvStream({ recordType: "person", recordId: personA }, "en", 30)));
    expect(capped).toHaveLength(31);
    expect(capped[0][0]).toBe("No.");
  });

  test("/audit: auditor only (others get an audited 404), bad filters get 400 with a field message, never 500", async () => {
    const ok = await call(auditPageLoader, "/audit?action=person.read&decision=allowed", auditorCookie);
    expect(ok.status).toBe(200);
    const data = (await ok.json()) as Json & { page: { rows: unknown[]; older: string } };
    expect(data.page.rows).toHaveLength(50);
    expect(data.query).toBe("action=person.read&decision=allowed");

    const bad = await call(auditPageLoader, "/audit?decision=maybe&from=31.02.2026", auditorCookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: { decision: "audit.error.decision", from: "audit.error.date" }, page: null });
    const unknownParameter = await call(auditPageLoader, "/audit?role=admin", auditorCookie);
    expect(unknownParameter.status).toBe(400);
    expect(await unknownParameter.json()).toMatchObject({ formError: "error.badRequest" });

    const denied = await call(auditPageLoader, "/audit", inspectorCookie);
    expect(denied.status).toBe(404);
    const audited = await database.prisma.auditEvent.findFirst({ where: { action: "record.read_denied" }, orderBy: { seq: "desc" } });
    expect(audited).toMatchObject({ actorUsername: "inspector", decision: "denied", recordType: "area", recordId: "audit" });

    const anonymous = await call(auditPageLoader, "/audit", null);
    expect(anonymous.status).toBe(302);
  });

  test("/audit/export: CSV download of the current filter, audited; bad filter 400; others 404", async () => {
    const response = await call(exportLoader, "/audit/export?action=auth.sign_in&before=5", auditorCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="kamkor-audit-\d{12}\.csv"$/);
    const lines = csvLines(await response.text());
    expect(lines[0][0]).toBe(ru["audit.col.seq"]);
    expect(lines).toHaveLength(7); // the page cursor is ignored: the export is the whole filter
    const audited = await database.prisma.auditEvent.findFirst({ where: { action: "audit.export" }, orderBy: { seq: "desc" } });
    expect(audited).toMatchObject({ actorUsername: "auditor", fields: ["action"] });

    expect((await call(exportLoader, "/audit/export?action=nope", auditorCookie)).status).toBe(400);
    expect((await call(exportLoader, "/audit/export", inspectorCookie)).status).toBe(404);
  });

  test("/audit/person/:personId: bad ids 404, the lookup form redirects to the report", async () => {
    const report = await call(personReportLoader, `/audit/person/${personB}`, auditorCookie, { personId: personB });
    expect(report.status).toBe(200);
    const data = (await report.json()) as { groups: { username: string; count: number }[] };
    expect(data.groups.find((group) => group.username === "socialworker")?.count).toBe(3);
    expect((await call(personReportLoader, "/audit/person/x", auditorCookie, { personId: "not-an-id" })).status).toBe(404);
    expect((await call(personReportLoader, `/audit/person/${personB}`, inspectorCookie, { personId: personB })).status).toBe(404);
    const badCursor = await call(personReportLoader, `/audit/person/${personB}?before=x`, auditorCookie, { personId: personB });
    expect(badCursor.status).toBe(302);

    const lookup = await call(personLookupLoader, `/audit/person?personId=${personB.toUpperCase()}`, auditorCookie);
    expect(lookup.status).toBe(302);
    expect(lookup.headers.get("location")).toBe(`/audit/person/${personB}`);
    const badLookup = await call(personLookupLoader, "/audit/person?personId=123", auditorCookie);
    expect(badLookup.status).toBe(400);
    expect(await badLookup.json()).toMatchObject({ error: "audit.error.personId" });
  });

  test("after all of it the chain still verifies", async () => {
    expect((await verifyAuditChain({ database })).ok).toBe(true);
  });
});
