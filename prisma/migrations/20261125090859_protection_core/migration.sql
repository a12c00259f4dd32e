-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('female', 'male');

-- CreateEnum
CREATE TYPE "AuditDecision" AS ENUM ('allowed', 'denied', 'failed');

-- CreateEnum
CREATE TYPE "BreakGlassVerdict" AS ENUM ('justified', 'not_justified');

-- CreateTable
CREATE TABLE "encryption_key" (
    "version" INTEGER NOT NULL,
    "wrapped_key" TEXT NOT NULL,
    "root_key_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "encryption_key_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "person" (
    "id" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "patronymic" TEXT,
    "pin" TEXT,
    "birth_date" TEXT,
    "address" TEXT,
    "phone" TEXT,
    "notes" TEXT,
    "pin_bidx" TEXT,
    "surname_birth_bidx" TEXT,
    "sex" "Sex",
    "birth_year" INTEGER,
    "territory_id" TEXT,
    "owner_agency_id" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" BIGSERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_user_id" TEXT,
    "actor_username" TEXT,
    "actor_roles" TEXT[],
    "actor_agency_id" TEXT,
    "session_hash" TEXT,
    "action" TEXT NOT NULL,
    "record_type" TEXT,
    "record_id" TEXT,
    "fields" TEXT[],
    "purpose" TEXT,
    "decision" "AuditDecision" NOT NULL,
    "request_id" TEXT,
    "ip" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "id" INTEGER NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "last_hash" TEXT NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "break_glass_grant" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "record_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "verdict" "BreakGlassVerdict",
    "review_comment" TEXT,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMP(3),

    CONSTRAINT "break_glass_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "person_pin_bidx_idx" ON "person"("pin_bidx");

-- CreateIndex
CREATE INDEX "person_surname_birth_bidx_idx" ON "person"("surname_birth_bidx");

-- CreateIndex
CREATE INDEX "person_owner_agency_id_idx" ON "person"("owner_agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_id_key" ON "audit_event"("id");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_seq_idx" ON "audit_event"("occurred_at", "seq");

-- CreateIndex
CREATE INDEX "audit_event_actor_user_id_seq_idx" ON "audit_event"("actor_user_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_record_type_record_id_seq_idx" ON "audit_event"("record_type", "record_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_action_seq_idx" ON "audit_event"("action", "seq");

-- CreateIndex
CREATE INDEX "break_glass_grant_user_id_expires_at_idx" ON "break_glass_grant"("user_id", "expires_at");

-- CreateIndex
CREATE INDEX "break_glass_grant_verdict_created_at_idx" ON "break_glass_grant"("verdict", "created_at");

-- Hand-written: the audit log is append-only. The trigger refuses UPDATE, DELETE and
-- TRUNCATE for every role that does not bypass triggers; the grants take the privileges
-- away from everybody, the migrating (owner) role included. Verified by
-- tests/integration/audit.test.ts and `npm run audit:verify`.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_event_no_truncate"
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();

REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM CURRENT_USER;

-- The chain starts from a fixed genesis link.
INSERT INTO "audit_chain_head" ("id", "last_seq", "last_hash") VALUES (1, 0, 'genesis');
