-- CreateEnum
CREATE TYPE "SupportPlanStatus" AS ENUM ('draft', 'active', 'closure_requested', 'closed');

-- CreateEnum
CREATE TYPE "SupportPlanGround" AS ENUM ('offence_below_age', 'antisocial_behaviour', 'school_absence', 'victim_of_violence', 'victim_of_racket', 'family_crisis', 'parents_abroad', 'substance_use', 'suicide_risk', 'other');

-- CreateEnum
CREATE TYPE "ClosureReason" AS ENUM ('rehabilitated', 'moved', 'turned_18', 'other');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('planned', 'in_progress', 'done', 'not_done');

-- CreateEnum
CREATE TYPE "RiskRating" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('continue', 'change_goals', 'request_closure');

-- CreateEnum
CREATE TYPE "DuplicateVerdict" AS ENUM ('same_person', 'different_person');

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "merged_into_id" TEXT;

-- CreateTable
CREATE TABLE "support_plan" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" "SupportPlanStatus" NOT NULL,
    "is_proposal" BOOLEAN NOT NULL DEFAULT false,
    "grounds" "SupportPlanGround"[],
    "grounds_other" TEXT,
    "lead_user_id" TEXT NOT NULL,
    "lead_agency_id" TEXT NOT NULL,
    "territory_id" TEXT NOT NULL,
    "review_interval_months" INTEGER NOT NULL DEFAULT 3,
    "next_review_due" TIMESTAMP(3),
    "parent_involvement" TEXT,
    "child_view" TEXT,
    "closure_reason" "ClosureReason",
    "closure_justification" TEXT,
    "closure_requested_at" TIMESTAMP(3),
    "closure_requested_by_id" TEXT,
    "closure_decision_comment" TEXT,
    "closed_at" TIMESTAMP(3),
    "closed_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "support_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_member" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,
    "role_in_plan" TEXT NOT NULL,
    "added_by_id" TEXT NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "support_plan_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_goal" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "responsible_agency_id" TEXT NOT NULL,
    "responsible_user_id" TEXT,
    "due_date" DATE NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'planned',
    "not_done_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "support_plan_goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_plan_review" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "reviewed_on" DATE NOT NULL,
    "progress_note" TEXT NOT NULL,
    "risk_rating" "RiskRating" NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "author_user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_plan_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chronology_event" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "record_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "agency_id" TEXT NOT NULL,
    "author_user_id" TEXT NOT NULL,

    CONSTRAINT "chronology_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duplicate_decision" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "candidate_id" TEXT NOT NULL,
    "verdict" "DuplicateVerdict" NOT NULL,
    "user_id" TEXT NOT NULL,
    "decided_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duplicate_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_merge" (
    "id" TEXT NOT NULL,
    "survivor_id" TEXT NOT NULL,
    "merged_id" TEXT NOT NULL,
    "merged_by_id" TEXT NOT NULL,
    "merged_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reverted_at" TIMESTAMP(3),
    "reverted_by_id" TEXT,

    CONSTRAINT "person_merge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guardianship" (
    "id" TEXT NOT NULL,
    "child_id" TEXT NOT NULL,
    "guardian_id" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guardianship_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "support_plan_person_id_idx" ON "support_plan"("person_id");

-- CreateIndex
CREATE INDEX "support_plan_lead_user_id_status_idx" ON "support_plan"("lead_user_id", "status");

-- CreateIndex
CREATE INDEX "support_plan_territory_id_status_idx" ON "support_plan"("territory_id", "status");

-- CreateIndex
CREATE INDEX "support_plan_status_next_review_due_idx" ON "support_plan"("status", "next_review_due");

-- CreateIndex
CREATE INDEX "support_plan_member_plan_id_idx" ON "support_plan_member"("plan_id");

-- CreateIndex
CREATE INDEX "support_plan_member_user_id_removed_at_idx" ON "support_plan_member"("user_id", "removed_at");

-- CreateIndex
CREATE INDEX "support_plan_goal_plan_id_idx" ON "support_plan_goal"("plan_id");

-- CreateIndex
CREATE INDEX "support_plan_goal_responsible_user_id_status_due_date_idx" ON "support_plan_goal"("responsible_user_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "support_plan_review_plan_id_idx" ON "support_plan_review"("plan_id");

-- CreateIndex
CREATE INDEX "chronology_event_person_id_occurred_at_idx" ON "chronology_event"("person_id", "occurred_at");

-- CreateIndex
CREATE INDEX "chronology_event_record_type_record_id_idx" ON "chronology_event"("record_type", "record_id");

-- CreateIndex
CREATE INDEX "duplicate_decision_person_id_idx" ON "duplicate_decision"("person_id");

-- CreateIndex
CREATE INDEX "person_merge_survivor_id_idx" ON "person_merge"("survivor_id");

-- CreateIndex
CREATE INDEX "person_merge_merged_id_idx" ON "person_merge"("merged_id");

-- CreateIndex
CREATE INDEX "guardianship_child_id_idx" ON "guardianship"("child_id");

-- CreateIndex
CREATE INDEX "guardianship_guardian_id_idx" ON "guardianship"("guardian_id");

-- AddForeignKey
ALTER TABLE "support_plan_member" ADD CONSTRAINT "support_plan_member_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "support_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_goal" ADD CONSTRAINT "support_plan_goal_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "support_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_plan_review" ADD CONSTRAINT "support_plan_review_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "support_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
