-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "deprecatedAt" TIMESTAMP(3),
ADD COLUMN     "deprecationReason" TEXT;
