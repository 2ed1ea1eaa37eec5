-- AlterTable
ALTER TABLE "ValidationDataset" ADD COLUMN     "uploadedBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "uploadedFiles" INTEGER NOT NULL DEFAULT 0;
