-- CreateTable
CREATE TABLE "FaqMatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entryId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "FaqMatch_entryId_at_idx" ON "FaqMatch"("entryId", "at");

-- CreateIndex
CREATE INDEX "FaqMatch_at_idx" ON "FaqMatch"("at");

