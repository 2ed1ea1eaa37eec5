-- AlterTable
ALTER TABLE "ValidationRun" ADD COLUMN     "executionProvider" TEXT,
ADD COLUMN     "imagesDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progressAt" TIMESTAMP(3);
