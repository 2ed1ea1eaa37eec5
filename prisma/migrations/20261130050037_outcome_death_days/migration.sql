-- AlterTable
ALTER TABLE "Outcome" ADD COLUMN     "deathDays" INTEGER;
