-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "closeKind" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "ratingComment" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account" TEXT NOT NULL DEFAULT 'wechaty',
    "destKind" TEXT NOT NULL,
    "destId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "mentionIds" TEXT NOT NULL DEFAULT '[]',
    "dedupeKey" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "notBefore" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "broadcastRunId" INTEGER,
    "priority" INTEGER NOT NULL DEFAULT 2
);
INSERT INTO "new_OutboxMessage" ("account", "attempts", "broadcastRunId", "createdAt", "dedupeKey", "destId", "destKind", "error", "id", "mentionIds", "notBefore", "sentAt", "state", "text") SELECT "account", "attempts", "broadcastRunId", "createdAt", "dedupeKey", "destId", "destKind", "error", "id", "mentionIds", "notBefore", "sentAt", "state", "text" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_state_notBefore_idx" ON "OutboxMessage"("state", "notBefore");
CREATE INDEX "OutboxMessage_account_state_priority_createdAt_idx" ON "OutboxMessage"("account", "state", "priority", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

