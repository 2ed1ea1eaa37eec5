-- CreateEnum
CREATE TYPE "ReleaseState" AS ENUM ('DRAFT', 'RELEASED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "SiteAccess" ADD COLUMN     "lead" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ValidationRun" ADD COLUMN     "releaseChangedAt" TIMESTAMP(3),
ADD COLUMN     "releaseChangedById" TEXT,
ADD COLUMN     "releaseComment" TEXT,
ADD COLUMN     "releaseState" "ReleaseState" NOT NULL DEFAULT 'DRAFT';

-- AddForeignKey
ALTER TABLE "ValidationRun" ADD CONSTRAINT "ValidationRun_releaseChangedById_fkey" FOREIGN KEY ("releaseChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
