-- CreateEnum
CREATE TYPE "ProtectionOrderStatus" AS ENUM ('issued', 'served', 'active', 'extended', 'expired', 'revoked');

-- CreateEnum
CREATE TYPE "OrderReason" AS ENUM ('physical', 'psychological', 'sexual', 'economic', 'neglect', 'bride_kidnapping', 'early_marriage');

-- CreateEnum
CREATE TYPE "OrderPartyRole" AS ENUM ('protected_person', 'respondent', 'child');

-- CreateEnum
CREATE TYPE "OrderConditionKind" AS ENUM ('no_violence', 'no_contact', 'no_approach', 'no_whereabouts', 'attend_programme', 'other');

-- CreateEnum
CREATE TYPE "OrderRiskLevel" AS ENUM ('standard', 'medium', 'high');

-- CreateEnum
CREATE TYPE "ComplianceCheckMethod" AS ENUM ('visit', 'call', 'private_meeting');

-- CreateEnum
CREATE TYPE "ComplianceCheckOutcome" AS ENUM ('complied', 'concern', 'violation_found', 'not_reached');

-- CreateEnum
CREATE TYPE "ViolationAction" AS ENUM ('warning', 'administrative', 'criminal_referral');

-- CreateEnum
CREATE TYPE "OrderOutcome" AS ENUM ('kept', 'violated', 'not_served');

-- CreateTable
CREATE TABLE "order_rule_set" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "law_reference" TEXT NOT NULL,
    "valid_from" TIMESTAMP(3) NOT NULL,
    "default_days" INTEGER NOT NULL,
    "min_days" INTEGER NOT NULL,
    "max_days" INTEGER NOT NULL,
    "max_total_days" INTEGER NOT NULL,
    "check_standard_days" DOUBLE PRECISION NOT NULL,
    "check_medium_days" DOUBLE PRECISION NOT NULL,
    "check_high_days" DOUBLE PRECISION NOT NULL,
    "expiry_notice_hours" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_rule_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_account" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "occurred_on" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "protection_order" (
    "id" TEXT NOT NULL,
    "status" "ProtectionOrderStatus" NOT NULL DEFAULT 'issued',
    "reason" "OrderReason" NOT NULL,
    "issuing_user_id" TEXT NOT NULL,
    "issuing_agency_id" TEXT NOT NULL,
    "responsible_user_id" TEXT NOT NULL,
    "territory_id" TEXT NOT NULL,
    "rule_set_id" TEXT NOT NULL,
    "incident_account_id" TEXT NOT NULL,
    "involves_child" BOOLEAN NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL,
    "served_at" TIMESTAMP(3),
    "service_note" TEXT,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "risk_level" "OrderRiskLevel" NOT NULL,
    "next_check_due_at" TIMESTAMP(3),
    "violation_count" INTEGER NOT NULL DEFAULT 0,
    "last_violation_at" TIMESTAMP(3),
    "reassessment_due_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "revocation_reason" TEXT,
    "ended_at" TIMESTAMP(3),
    "outcome" "OrderOutcome",
    "expiry_notice_sent_at" TIMESTAMP(3),
    "check_escalated_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "protection_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "protection_order_party" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "role" "OrderPartyRole" NOT NULL,

    CONSTRAINT "protection_order_party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "protection_order_condition" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" "OrderConditionKind" NOT NULL,
    "distance_metres" INTEGER,
    "details" TEXT,

    CONSTRAINT "protection_order_condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_risk_assessment" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "instrument_version_id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "computed_level" "OrderRiskLevel" NOT NULL,
    "final_level" "OrderRiskLevel" NOT NULL,
    "judgement_reason" TEXT,
    "assessed_by_id" TEXT NOT NULL,
    "assessed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_risk_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compliance_check" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "planned_for" TIMESTAMP(3),
    "done_at" TIMESTAMP(3),
    "recorded_at" TIMESTAMP(3),
    "method" "ComplianceCheckMethod",
    "outcome" "ComplianceCheckOutcome",
    "note" TEXT,
    "done_by_id" TEXT,
    "protected_confirmed" BOOLEAN,
    "protected_statement" TEXT,
    "edited_at" TIMESTAMP(3),

    CONSTRAINT "compliance_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_violation" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "condition_id" TEXT,
    "condition_kind" "OrderConditionKind" NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "description" TEXT NOT NULL,
    "action" "ViolationAction" NOT NULL,
    "recorded_by_id" TEXT NOT NULL,

    CONSTRAINT "order_violation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_extension" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "previous_expires_at" TIMESTAMP(3) NOT NULL,
    "new_expires_at" TIMESTAMP(3) NOT NULL,
    "decision_reference" TEXT NOT NULL,
    "decided_by_id" TEXT NOT NULL,
    "decided_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_notice" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "told_by_id" TEXT NOT NULL,
    "told_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_alert" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "recipient_user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "order_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_flag" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_record_type" TEXT NOT NULL,
    "source_record_id" TEXT NOT NULL,
    "set_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_flag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_rule_set_code_key" ON "order_rule_set"("code");

-- CreateIndex
CREATE INDEX "incident_account_person_id_idx" ON "incident_account"("person_id");

-- CreateIndex
CREATE INDEX "protection_order_responsible_user_id_status_idx" ON "protection_order"("responsible_user_id", "status");

-- CreateIndex
CREATE INDEX "protection_order_territory_id_status_expires_at_idx" ON "protection_order"("territory_id", "status", "expires_at");

-- CreateIndex
CREATE INDEX "protection_order_territory_id_status_next_check_due_at_idx" ON "protection_order"("territory_id", "status", "next_check_due_at");

-- CreateIndex
CREATE INDEX "protection_order_issuing_user_id_idx" ON "protection_order"("issuing_user_id");

-- CreateIndex
CREATE INDEX "protection_order_party_person_id_idx" ON "protection_order_party"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "protection_order_party_order_id_person_id_key" ON "protection_order_party"("order_id", "person_id");

-- CreateIndex
CREATE INDEX "protection_order_condition_order_id_idx" ON "protection_order_condition"("order_id");

-- CreateIndex
CREATE INDEX "order_risk_assessment_order_id_assessed_at_idx" ON "order_risk_assessment"("order_id", "assessed_at");

-- CreateIndex
CREATE INDEX "compliance_check_order_id_planned_for_idx" ON "compliance_check"("order_id", "planned_for");

-- CreateIndex
CREATE INDEX "order_violation_order_id_occurred_at_idx" ON "order_violation"("order_id", "occurred_at");

-- CreateIndex
CREATE INDEX "order_violation_recorded_at_idx" ON "order_violation"("recorded_at");

-- CreateIndex
CREATE INDEX "order_extension_order_id_idx" ON "order_extension"("order_id");

-- CreateIndex
CREATE INDEX "order_notice_order_id_idx" ON "order_notice"("order_id");

-- CreateIndex
CREATE INDEX "order_alert_recipient_user_id_read_at_idx" ON "order_alert"("recipient_user_id", "read_at");

-- CreateIndex
CREATE INDEX "order_alert_order_id_idx" ON "order_alert"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_flag_person_id_kind_source_record_id_key" ON "person_flag"("person_id", "kind", "source_record_id");

-- AddForeignKey
ALTER TABLE "protection_order_party" ADD CONSTRAINT "protection_order_party_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "protection_order_condition" ADD CONSTRAINT "protection_order_condition_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_risk_assessment" ADD CONSTRAINT "order_risk_assessment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compliance_check" ADD CONSTRAINT "compliance_check_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_violation" ADD CONSTRAINT "order_violation_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_extension" ADD CONSTRAINT "order_extension_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_notice" ADD CONSTRAINT "order_notice_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "protection_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
