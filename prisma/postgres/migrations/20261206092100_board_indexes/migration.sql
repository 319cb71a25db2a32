-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "Ticket_volunteerId_createdAt_idx" ON "Ticket"("volunteerId", "createdAt");

