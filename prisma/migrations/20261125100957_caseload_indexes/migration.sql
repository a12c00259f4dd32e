-- CreateIndex
CREATE INDEX "support_plan_lead_user_id_next_review_due_id_idx" ON "support_plan"("lead_user_id", "next_review_due", "id");

-- CreateIndex
CREATE INDEX "support_plan_territory_id_next_review_due_id_idx" ON "support_plan"("territory_id", "next_review_due", "id");
