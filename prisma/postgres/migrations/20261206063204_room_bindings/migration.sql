-- The old Room table was never written (roles came from topics in memory); nothing is carried over.
DELETE FROM "Room";

-- AlterTable
ALTER TABLE "Room" DROP COLUMN "updatedAt",
ADD COLUMN     "boundAt" TIMESTAMP(3),
ADD COLUMN     "boundBy" TEXT,
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "seenAt" TIMESTAMP(3) NOT NULL,
ALTER COLUMN "role" DROP NOT NULL,
ALTER COLUMN "role" DROP DEFAULT;

-- CreateTable
CREATE TABLE "RoomEvent" (
    "id" SERIAL NOT NULL,
    "roomId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "role" TEXT,
    "topic" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoomEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoomEvent_roomId_idx" ON "RoomEvent"("roomId");

