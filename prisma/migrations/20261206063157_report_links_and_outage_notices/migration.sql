-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "mergedIntoId" INTEGER;

-- CreateTable
CREATE TABLE "OutageNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceKey" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "building" TEXT,
    "unit" TEXT,
    "kind" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutageNoticeAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "noticeId" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "roomId" TEXT,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "OutageNoticeAnswer_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "OutageNotice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OutageNotice_sourceKey_key" ON "OutageNotice"("sourceKey");

-- CreateIndex
CREATE INDEX "OutageNotice_roomId_endsAt_idx" ON "OutageNotice"("roomId", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutageNoticeAnswer_messageId_key" ON "OutageNoticeAnswer"("messageId");

-- CreateIndex
CREATE INDEX "OutageNoticeAnswer_residentId_at_idx" ON "OutageNoticeAnswer"("residentId", "at");

-- CreateIndex
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId");

