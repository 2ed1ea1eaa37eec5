-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "manifestRow" INTEGER;
