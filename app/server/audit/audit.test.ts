import { describe, expect, test } from "vitest";
import { buildAuditRow, canonicalAuditRow, chainHash, GENESIS_HASH, type CanonicalAuditRow } from "./audit.server";
import { storedToCanonical } from "./verify.server";

const KEY = Buffer.alloc(32, 7);

const ROW: CanonicalAuditRow = {
  id: "0f8f7b8e-5a43-4c1e-9d2b-3b1f2f3a4c5d",
  occurredAt: "2026-11-25T09:30:00.123Z",
  actorUserId: "user-1",
  actorUsername: "inspector",
  actorRoles: ["juvenile_inspector"],
  actorAgencyId: "agency-1",
  sessionHash: "abcd",
  action: "person.read",
  recordType: "person",
  recordId: "person-1",
  fields: ["surname", "birthDate"],
  purpose: null,
  decision: "allowed",
  requestId: "request-1",
  ip: "10.0.0.1",
};

describe("canonical audit row", () => {
  test("is a fixed-order JSON array: the format the chain of every existing log depends on", () => {
    expect(canonicalAuditRow(ROW)).toBe(
      '["0f8f7b8e-5a43-4c1e-9d2b-3b1f2f3a4c5d","2026-11-25T09:30:00.123Z","user-1","inspector",["juvenile_inspector"],' +
        '"agency-1","abcd","person.read","person","person-1",["surname","birthDate"],null,"allowed","request-1","10.0.0.1"]',
    );
  });

  test("does not depend on the order of the object's keys", () => {
    const shuffled = Object.fromEntries(Object.entries(ROW).reverse()) as CanonicalAuditRow;
    expect(canonicalAuditRow(shuffled)).toBe(canonicalAuditRow(ROW));
  });

  test("the chain hash is stable (golden value) and depends on the key, the previous hash and every field", () => {
    const hash = chainHash(GENESIS_HASH, ROW, KEY);
    expect(hash).toBe("25cccd954278d16800db340dd511753de2f41c493b1d83994594d4ca0d9dd9a7");
    expect(chainHash(GENESIS_HASH, ROW, Buffer.alloc(32, 8))).not.toBe(hash);
    expect(chainHash("other", ROW, KEY)).not.toBe(hash);
    for (const [field, value] of Object.entries(ROW)) {
      const changed = { ...ROW, [field]: Array.isArray(value) ? [...value, "x"] : `${value ?? ""}x` };
      expect(chainHash(GENESIS_HASH, changed, KEY), field).not.toBe(hash);
    }
  });

  test("a row read back from the database hashes exactly as it was written", () => {
    const stored = {
      seq: "1",
      id: ROW.id,
      occurred_at: new Date(ROW.occurredAt),
      actor_user_id: ROW.actorUserId,
      actor_username: ROW.actorUsername,
      actor_roles: ROW.actorRoles,
      actor_agency_id: ROW.actorAgencyId,
      session_hash: ROW.sessionHash,
      action: ROW.action,
      record_type: ROW.recordType,
      record_id: ROW.recordId,
      fields: ROW.fields,
      purpose: ROW.purpose,
      decision: ROW.decision,
      request_id: ROW.requestId,
      ip: ROW.ip,
      prev_hash: GENESIS_HASH,
      hash: "",
    };
    expect(canonicalAuditRow(storedToCanonical(stored))).toBe(canonicalAuditRow(ROW));
  });
});

describe("buildAuditRow", () => {
  test("CR, LF and other control characters become spaces, so no value can forge a log line", () => {
    const row = buildAuditRow({
      actor: null,
      action: "auth.sign_in",
      decision: "failed",
      attemptedUsername: "eve\r\n2026-11-25 admin signed in\u0000\u001b[31m",
      record: { type: "person\n", id: "1\r2" },
      fields: ["a\nb"],
      purpose: "why\u2028\tnot",
      context: { requestId: "r\n1", ip: "1.2.3.4\r\n" },
    });
    expect(row.actorUsername).toBe("eve  2026-11-25 admin signed in  [31m");
    expect(row.recordType).toBe("person ");
    expect(row.recordId).toBe("1 2");
    expect(row.fields).toEqual(["a b"]);
    expect(row.purpose).toBe("why  not");
    expect(row.requestId).toBe("r 1");
    expect(row.ip).toBe("1.2.3.4  ");
    for (const value of [row.actorUsername, row.recordType, row.recordId, row.requestId, row.ip, ...row.fields]) {
      expect(value).not.toMatch(/[\r\n\u0000-\u001f\u007f\u0085\u2028\u2029]/);
    }
  });

  test("Unicode line breaks and bidi overrides are neutralised too", () => {
    const row = buildAuditRow({ actor: null, action: "auth.sign_in", decision: "failed", attemptedUsername: "a\u0085b\u2029c\u202ed\u2066e" });
    expect(row.actorUsername).toBe("a b c d e");
  });

  test("long values are cut to their column's limit", () => {
    const row = buildAuditRow({ actor: null, action: "auth.sign_in", decision: "failed", attemptedUsername: "x".repeat(500), purpose: "y".repeat(900) });
    expect(row.actorUsername).toHaveLength(100);
    expect(row.purpose).toHaveLength(500);
  });

  test("an actor's session id is hashed, never stored as is; time is UTC ISO with milliseconds", () => {
    const row = buildAuditRow({
      actor: { userId: "u", username: "auditor", roles: ["auditor"], agencyId: "a", sessionId: "session-secret" },
      action: "audit.search",
      decision: "allowed",
      at: new Date("2026-01-02T03:04:05.006Z"),
    });
    expect(row.sessionHash).toMatch(/^[0-9a-f]{32}$/);
    expect(row.sessionHash).not.toContain("session-secret");
    expect(row.occurredAt).toBe("2026-01-02T03:04:05.006Z");
    expect(row.actorRoles).toEqual(["auditor"]);
  });
});
