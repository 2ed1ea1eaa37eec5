-- AlterTable
ALTER TABLE "ValidationRun" ADD COLUMN     "participantFlow" JSONB;
