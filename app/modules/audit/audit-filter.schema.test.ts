import { describe, expect, test } from "vitest";
import { filterToSearchParams, parseAuditSearch, periodBounds, personIdSchema } from "./audit-filter.schema";

const parse = (query: string) => parseAuditSearch(new URLSearchParams(query));

describe("audit search filter", () => {
  test("no parameters: the newest events, nothing used", () => {
    expect(parse("")).toMatchObject({ ok: true, filter: {}, cursor: {}, used: [] });
  });

  test("every filter, trimmed; empty fields count as absent; used lists filter names only", () => {
    const result = parse("user=%20inspector%20&recordType=person&recordId=abc&action=person.read&decision=denied&from=2026-11-01&to=25.11.2026&before=120");
    expect(result).toMatchObject({
      ok: true,
      filter: { user: "inspector", recordType: "person", recordId: "abc", action: "person.read", decision: "denied", from: "2026-11-01", to: "2026-11-25" },
      cursor: { before: 120n },
      used: ["user", "recordType", "recordId", "action", "decision", "from", "to"],
    });
    expect(parse("user=&action=&decision=&from=&to=&recordType=&recordId=")).toMatchObject({ ok: true, filter: {}, used: [] });
  });

  test.each([
    ["action=person.delete_everything", "action", "audit.error.action"],
    ["decision=maybe", "decision", "audit.error.decision"],
    ["from=2026-02-30", "from", "audit.error.date"],
    ["to=yesterday", "to", "audit.error.date"],
    ["from=1999-12-31", "from", "audit.error.date"],
    ["from=2026-11-25&to=2026-11-24", "to", "audit.error.period"],
    ["recordId=abc", "recordType", "audit.error.recordTypeRequired"],
    ["recordType=Person;DROP", "recordType", "audit.error.recordType"],
    [`user=${"x".repeat(101)}`, "user", "audit.error.user"],
    ["user=eve%0D%0Aforged", "user", "audit.error.user"],
    [`recordId=${"x".repeat(101)}&recordType=person`, "recordId", "audit.error.recordId"],
  ])("%s → a translated message next to %s", (query, field, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors).toEqual({ [field]: message });
  });

  test("all messages at once: a missing record type is reported next to another field's error", () => {
    expect(parse("recordId=abc&decision=maybe")).toMatchObject({
      ok: false,
      fieldErrors: { recordType: "audit.error.recordTypeRequired", decision: "audit.error.decision" },
    });
  });

  test.each(["role=admin", "user=a&user=b", "before=abc", "before=1&after=2", "after=-1", "before=99999999999999999999"])(
    "%s: unknown, repeated or malformed parameters refuse the whole search",
    (query) => {
      const result = parse(query);
      expect(result).toMatchObject({ ok: false, formError: "error.badRequest" });
    },
  );

  test("the typed values come back for the form, cut to a sane length", () => {
    const result = parse(`user=${"y".repeat(500)}`);
    expect(result.values.user).toHaveLength(200);
  });

  test("a period is whole Bishkek days (UTC+6), the end day included", () => {
    expect(periodBounds({ from: "2026-11-25", to: "2026-11-25" })).toEqual({
      gte: new Date("2026-11-24T18:00:00.000Z"),
      lt: new Date("2026-11-25T18:00:00.000Z"),
    });
    expect(periodBounds({})).toEqual({ gte: undefined, lt: undefined });
  });

  test("filter and cursor round-trip through the query string", () => {
    const result = parse("action=audit.search&user=auditor&after=7");
    if (!result.ok) throw new Error("expected ok");
    const again = parse(filterToSearchParams(result.filter, result.cursor).toString());
    expect(again).toMatchObject({ ok: true, filter: result.filter, cursor: { after: 7n } });
  });

  test("person ids must be UUIDs", () => {
    expect(personIdSchema.safeParse("3F2B8C1E-0A4D-4E6F-9B7A-1C2D3E4F5A6B")).toMatchObject({ success: true, data: "3f2b8c1e-0a4d-4e6f-9b7a-1c2d3e4f5a6b" });
    for (const bad of ["", "1", "../../etc", "3f2b8c1e-0a4d-4e6f-9b7a-1c2d3e4f5a6b'--"]) expect(personIdSchema.safeParse(bad).success).toBe(false);
  });
});
