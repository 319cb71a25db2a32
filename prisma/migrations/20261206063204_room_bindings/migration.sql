-- CreateTable
CREATE TABLE "RoomEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roomId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "role" TEXT,
    "topic" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
-- The old Room table was never written (roles came from topics in memory); nothing is carried over.
CREATE TABLE "new_Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "role" TEXT,
    "ownerId" TEXT,
    "boundBy" TEXT,
    "boundAt" DATETIME,
    "seenAt" DATETIME NOT NULL
);
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RoomEvent_roomId_idx" ON "RoomEvent"("roomId");

