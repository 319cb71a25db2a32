-- CreateTable
CREATE TABLE "FollowUpStep" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketDeadline" (
    "ticketId" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketDeadline_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "DutyRoster" (
    "personId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "setById" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DutyRoster_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpStep_ticketId_step_key" ON "FollowUpStep"("ticketId", "step");

