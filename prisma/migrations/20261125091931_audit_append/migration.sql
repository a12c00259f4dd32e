-- Hand-written (no schema change): the audit append as one server-side function, and an
-- index for the auditor's search by user name.

-- Appends a group of already-linked events after `expected_head`, only if the chain head
-- still holds it, and returns the head afterwards: `new_head` on success; otherwise the
-- current head, which the caller links against and tries again. The row lock makes
-- concurrent appenders wait for each other; seq numbers are taken under it, so seq order is
-- chain order. A PL/pgSQL function keeps its plans per connection, which makes the append
-- one cheap round trip (see scripts/bench-audit.ts).
CREATE FUNCTION "audit_append"(events jsonb, expected_head text, new_head text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  current_head text;
  last bigint;
BEGIN
  SELECT "last_hash" INTO current_head FROM "audit_chain_head" WHERE "id" = 1 FOR UPDATE;
  IF current_head IS NULL THEN
    RAISE EXCEPTION 'audit_chain_head is missing';
  END IF;
  IF current_head <> expected_head OR jsonb_array_length(events) = 0 THEN
    RETURN current_head;
  END IF;
  WITH "inserted" AS (
    INSERT INTO "audit_event" ("seq", "id", "occurred_at", "actor_user_id", "actor_username", "actor_roles",
      "actor_agency_id", "session_hash", "action", "record_type", "record_id", "fields", "purpose", "decision",
      "request_id", "ip", "prev_hash", "hash")
    SELECT nextval(pg_get_serial_sequence('audit_event', 'seq')), e.*
    FROM (
      SELECT x."id", x."occurredAt", x."actorUserId", x."actorUsername", x."actorRoles", x."actorAgencyId",
        x."sessionHash", x."action", x."recordType", x."recordId", x."fields", x."purpose", x."decision",
        x."requestId", x."ip", x."prevHash", x."hash"
      FROM jsonb_to_recordset(events) AS x("n" int, "id" text, "occurredAt" timestamptz(3), "actorUserId" text,
        "actorUsername" text, "actorRoles" text[], "actorAgencyId" text, "sessionHash" text, "action" text,
        "recordType" text, "recordId" text, "fields" text[], "purpose" text, "decision" "AuditDecision",
        "requestId" text, "ip" text, "prevHash" text, "hash" text)
      ORDER BY x."n"
    ) e
    RETURNING "seq"
  )
  SELECT max("seq") INTO last FROM "inserted";
  UPDATE "audit_chain_head" SET "last_seq" = last, "last_hash" = new_head WHERE "id" = 1;
  RETURN new_head;
END;
$$;

-- Search by user name covers failed sign-ins too, where only the typed name is known.
CREATE INDEX "audit_event_actor_username_seq_idx" ON "audit_event"("actor_username", "seq");
