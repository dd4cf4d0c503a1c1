-- CreateTable
CREATE TABLE "AccountExport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountExport_jobId_key" ON "AccountExport"("jobId");

-- CreateIndex
CREATE INDEX "AccountExport_userId_idx" ON "AccountExport"("userId");

-- CreateIndex
CREATE INDEX "AccountExport_expiresAt_idx" ON "AccountExport"("expiresAt");

-- CreateIndex
CREATE INDEX "AuthToken_expiresAt_idx" ON "AuthToken"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_kind_status_lockedUntil_idx" ON "OutboxMessage"("kind", "status", "lockedUntil");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_sentAt_idx" ON "OutboxMessage"("status", "sentAt");

-- CreateIndex
CREATE INDEX "Session_expires_idx" ON "Session"("expires");

-- CreateIndex
CREATE INDEX "StripeEvent_processedAt_idx" ON "StripeEvent"("processedAt");

-- CreateIndex
CREATE INDEX "VerificationToken_expires_idx" ON "VerificationToken"("expires");

-- AddForeignKey
ALTER TABLE "AccountExport" ADD CONSTRAINT "AccountExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
