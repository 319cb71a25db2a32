-- CreateTable
CREATE TABLE "AccountSender" (
    "account" TEXT NOT NULL,
    "holder" TEXT NOT NULL DEFAULT '',
    "host" TEXT NOT NULL DEFAULT '',
    "pid" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "lastSentAt" TIMESTAMP(3),

    CONSTRAINT "AccountSender_pkey" PRIMARY KEY ("account")
);

