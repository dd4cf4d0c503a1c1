-- CreateIndex
CREATE INDEX "Project_createdById_idx" ON "Project"("createdById");
