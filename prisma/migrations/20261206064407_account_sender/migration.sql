-- CreateTable
CREATE TABLE "AccountSender" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL DEFAULT '',
    "host" TEXT NOT NULL DEFAULT '',
    "pid" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" DATETIME NOT NULL,
    "lastSentAt" DATETIME
);

