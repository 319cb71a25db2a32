-- AlterTable
ALTER TABLE "Praise" ADD COLUMN "reviewedAt" DATETIME;

