-- AlterTable
ALTER TABLE "support_plan" ADD COLUMN     "closure_transfer_territory_id" TEXT;
