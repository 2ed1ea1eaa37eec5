-- AlterTable
ALTER TABLE "ImageSeries" ADD COLUMN     "landmarks" JSONB;
