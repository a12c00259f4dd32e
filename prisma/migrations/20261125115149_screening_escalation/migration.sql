-- AlterTable
ALTER TABLE "screening" ADD COLUMN     "overdue_escalated_at" TIMESTAMP(3);

-- Hand-written: the overdue sweep looks only at open deadlines not yet escalated, so the index
-- stays small however many screenings are stored (Prisma 6 cannot declare a partial index).
CREATE INDEX "screening_open_deadline_idx" ON "screening"("assessment_due_at")
  WHERE "assessment_done_at" IS NULL AND "overdue_escalated_at" IS NULL AND "assessment_due_at" IS NOT NULL;
