-- AlterTable
ALTER TABLE "RoomEvent" ADD COLUMN     "ownerId" TEXT;

