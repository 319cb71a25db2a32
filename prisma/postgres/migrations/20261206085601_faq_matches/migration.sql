-- CreateTable
CREATE TABLE "FaqMatch" (
    "id" SERIAL NOT NULL,
    "entryId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqMatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaqMatch_entryId_at_idx" ON "FaqMatch"("entryId", "at");

-- CreateIndex
CREATE INDEX "FaqMatch_at_idx" ON "FaqMatch"("at");

