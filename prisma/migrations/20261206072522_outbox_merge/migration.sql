-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "mergeKind" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "mergePart" TEXT;

