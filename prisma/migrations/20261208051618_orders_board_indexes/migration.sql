-- DropIndex
DROP INDEX "protection_order_condition_order_id_idx";

-- CreateIndex
CREATE INDEX "protection_order_condition_order_id_kind_idx" ON "protection_order_condition"("order_id", "kind");

-- CreateIndex
CREATE INDEX "order_violation_occurred_at_idx" ON "order_violation"("occurred_at");
