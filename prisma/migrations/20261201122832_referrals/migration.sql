-- Referrals (lib/referrals, lib/billing/referrals): each user's link code, who referred a user
-- and an organization, and the one credit a referred organization's first payment earns.
-- "ReferralCredit" names two organizations (the referred and the credited one), so it is control
-- plane, like "User": it has no "organizationId" column and no tenant policy. The app reads and
-- writes it only from the webhook and the referral-credit job, never from a member's request.

-- CreateEnum
CREATE TYPE "ReferralCreditStatus" AS ENUM ('PENDING', 'CREDITED', 'REFUSED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "referredByUserId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "referralCode" TEXT,
ADD COLUMN     "referredById" TEXT;

-- CreateTable
CREATE TABLE "ReferralCredit" (
    "id" TEXT NOT NULL,
    "referredOrganizationId" TEXT NOT NULL,
    "referrerId" TEXT,
    "creditedOrganizationId" TEXT,
    "stripeInvoiceId" TEXT NOT NULL,
    "status" "ReferralCreditStatus" NOT NULL DEFAULT 'PENDING',
    "refusal" TEXT,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "stripeBalanceTransactionId" TEXT,
    "creditedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCredit_referredOrganizationId_key" ON "ReferralCredit"("referredOrganizationId");

-- CreateIndex
CREATE INDEX "ReferralCredit_referrerId_idx" ON "ReferralCredit"("referrerId");

-- CreateIndex
CREATE INDEX "ReferralCredit_creditedOrganizationId_idx" ON "ReferralCredit"("creditedOrganizationId");

-- CreateIndex
CREATE INDEX "Organization_referredByUserId_idx" ON "Organization"("referredByUserId");

-- CreateIndex
CREATE UNIQUE INDEX "User_referralCode_key" ON "User"("referralCode");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_referredById_fkey" FOREIGN KEY ("referredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_referredByUserId_fkey" FOREIGN KEY ("referredByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
