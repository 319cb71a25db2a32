-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "Ticket_volunteerId_createdAt_idx" ON "Ticket"("volunteerId", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_category_createdAt_idx" ON "Ticket"("category", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_building_roomTopic_idx" ON "Ticket"("building", "roomTopic");

