-- AlterEnum
ALTER TYPE "DatasetStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "ValidationDataset" ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);
