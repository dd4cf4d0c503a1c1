-- AlterTable
ALTER TABLE "BillingEvent" ADD COLUMN     "complimentary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "interval" TEXT,
ADD COLUMN     "unitAmount" INTEGER;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "compEndsAt" TIMESTAMP(3),
ADD COLUMN     "compPlan" TEXT,
ADD COLUMN     "projectLimit" INTEGER,
ADD COLUMN     "seatLimit" INTEGER,
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "impersonationReason" TEXT,
ADD COLUMN     "impersonatorId" TEXT,
ADD COLUMN     "impersonatorSessionId" TEXT;

-- AlterTable
ALTER TABLE "StripeEvent" ADD COLUMN     "organizationId" TEXT,
ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'applied';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "staffSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StripeEventFailure" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customerId" TEXT,
    "organizationId" TEXT,
    "payload" JSONB NOT NULL,
    "lastError" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "firstFailedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFailedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "discardedAt" TIMESTAMP(3),
    "discardedById" TEXT,

    CONSTRAINT "StripeEventFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeatureFlagOverride" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "flag" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeatureFlagOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketingSpend" (
    "month" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketingSpend_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "MetricsSnapshot" (
    "month" DATE NOT NULL,
    "data" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricsSnapshot_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE INDEX "StripeEventFailure_resolvedAt_discardedAt_lastFailedAt_idx" ON "StripeEventFailure"("resolvedAt", "discardedAt", "lastFailedAt");

-- CreateIndex
CREATE INDEX "StripeEventFailure_organizationId_idx" ON "StripeEventFailure"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "FeatureFlagOverride_organizationId_flag_key" ON "FeatureFlagOverride"("organizationId", "flag");

-- CreateIndex
CREATE INDEX "BillingEvent_occurredAt_idx" ON "BillingEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "Session_impersonatorSessionId_idx" ON "Session"("impersonatorSessionId");

-- CreateIndex
CREATE INDEX "StripeEvent_organizationId_createdAt_idx" ON "StripeEvent"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_impersonatorSessionId_fkey" FOREIGN KEY ("impersonatorSessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureFlagOverride" ADD CONSTRAINT "FeatureFlagOverride_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Feature flag overrides belong to one organization, like every tenant table.
ALTER TABLE "FeatureFlagOverride" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "FeatureFlagOverride" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "FeatureFlagOverride"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

-- The operator console reads across organizations (lists, metrics) only in a scope opened after
-- a staff check (lib/admin/access.ts). Read-only: staff writes still enter one organization.
CREATE POLICY platform_read ON "Membership" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "Invitation" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "Subscription" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "BillingEvent" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "AuditLog" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "Project" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "ApiKey" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "UsageCounter" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY platform_read ON "FeatureFlagOverride" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');

-- A user's security history includes what staff did to their account (support access).
CREATE POLICY audit_about_me ON "AuditLog" FOR SELECT
  USING ("targetType" = 'user' AND "targetId" = current_setting('app.user_id', true));
