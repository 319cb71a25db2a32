-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "mergeKind" TEXT,
ADD COLUMN     "mergePart" TEXT;

