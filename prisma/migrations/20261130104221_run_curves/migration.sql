-- AlterTable
ALTER TABLE "ValidationRun" ADD COLUMN     "curves" JSONB;
