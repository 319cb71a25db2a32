-- CreateTable
CREATE TABLE "FollowUpStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TicketDeadline" (
    "ticketId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dueAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DutyRoster" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "setById" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpStep_ticketId_step_key" ON "FollowUpStep"("ticketId", "step");

