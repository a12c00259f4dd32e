-- CreateEnum
CREATE TYPE "ScreeningStatus" AS ENUM ('in_progress', 'completed', 'abandoned');

-- CreateEnum
CREATE TYPE "ScreeningResult" AS ENUM ('negative', 'non_acute_positive', 'acute_positive');

-- CreateEnum
CREATE TYPE "SafetyTriage" AS ENUM ('low', 'moderate', 'high');

-- CreateTable
CREATE TABLE "instrument_version" (
    "id" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "instrument_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "school_agency_id" TEXT NOT NULL,
    "territory_id" TEXT NOT NULL,
    "screener_user_id" TEXT NOT NULL,
    "asq_version_id" TEXT NOT NULL,
    "vulnerability_version_id" TEXT,
    "status" "ScreeningStatus" NOT NULL DEFAULT 'in_progress',
    "consent" TEXT NOT NULL,
    "answers" TEXT,
    "other_worry" TEXT,
    "result" "ScreeningResult",
    "findings" TEXT[],
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),
    "safety_checklist" TEXT,
    "checklist_completed_at" TIMESTAMP(3),
    "assessment_due_at" TIMESTAMP(3),
    "assessment_done_at" TIMESTAMP(3),
    "rescreen_due_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "screening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_assignment" (
    "id" TEXT NOT NULL,
    "screening_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "assigned_by_id" TEXT NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "screening_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safety_assessment" (
    "id" TEXT NOT NULL,
    "screening_id" TEXT NOT NULL,
    "assessor_user_id" TEXT NOT NULL,
    "instrument_version_id" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "plan" TEXT,
    "triage" "SafetyTriage" NOT NULL,
    "assessed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "safety_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_alert" (
    "id" TEXT NOT NULL,
    "screening_id" TEXT NOT NULL,
    "recipient_user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "screening_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_action" (
    "id" TEXT NOT NULL,
    "screening_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "finding" TEXT NOT NULL,
    "taken_at" TIMESTAMP(3),
    "dismiss_reason" TEXT,
    "dismissed_at" TIMESTAMP(3),
    "user_id" TEXT NOT NULL,
    "target_user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "screening_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "instrument_version_instrument_version_key" ON "instrument_version"("instrument", "version");

-- CreateIndex
CREATE INDEX "screening_person_id_idx" ON "screening"("person_id");

-- CreateIndex
CREATE INDEX "screening_school_agency_id_status_idx" ON "screening"("school_agency_id", "status");

-- CreateIndex
CREATE INDEX "screening_territory_id_result_assessment_done_at_idx" ON "screening"("territory_id", "result", "assessment_done_at");

-- CreateIndex
CREATE INDEX "screening_screener_user_id_idx" ON "screening"("screener_user_id");

-- CreateIndex
CREATE INDEX "screening_assignment_screening_id_idx" ON "screening_assignment"("screening_id");

-- CreateIndex
CREATE INDEX "screening_assignment_user_id_idx" ON "screening_assignment"("user_id");

-- CreateIndex
CREATE INDEX "safety_assessment_screening_id_idx" ON "safety_assessment"("screening_id");

-- CreateIndex
CREATE INDEX "screening_alert_recipient_user_id_read_at_idx" ON "screening_alert"("recipient_user_id", "read_at");

-- CreateIndex
CREATE INDEX "screening_alert_screening_id_idx" ON "screening_alert"("screening_id");

-- CreateIndex
CREATE INDEX "screening_action_screening_id_idx" ON "screening_action"("screening_id");

-- CreateIndex
CREATE INDEX "screening_action_target_user_id_taken_at_idx" ON "screening_action"("target_user_id", "taken_at");
