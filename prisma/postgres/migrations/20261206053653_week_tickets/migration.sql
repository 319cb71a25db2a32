-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "closeKind" TEXT,
ADD COLUMN     "ratingComment" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 2;

-- CreateIndex
CREATE INDEX "OutboxMessage_account_state_priority_createdAt_idx" ON "OutboxMessage"("account", "state", "priority", "createdAt");

