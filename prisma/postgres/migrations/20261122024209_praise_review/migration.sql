-- AlterTable
ALTER TABLE "Praise" ADD COLUMN     "reviewedAt" TIMESTAMP(3);

