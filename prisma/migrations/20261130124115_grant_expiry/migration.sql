-- AlterTable
ALTER TABLE "SiteAccess" ADD COLUMN     "expiresAt" TIMESTAMP(3);
