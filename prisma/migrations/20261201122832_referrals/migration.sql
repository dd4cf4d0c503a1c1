-- Referrals (lib/referrals, lib/billing/referrals): each user's link code, who referred a user
-- and an organization, and the one credit a referred organization's first payment earns.
-- "ReferralCredit" names two organizations (the referred and the credited one), so it is control
-- plane, like "User": it has no "organizationId" column and no tenant policy. The app reads and
-- writes it only from the webhook and the referral-credit job, never from a member's request.

-- CreateEnum
CREATE TYPE "ReferralCreditStatus" AS ENUM ('PENDING', 'CREDITED', 'REFUSED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "referredByUserId" TEXT;

-- Every user has a referral code from the start, drawn by the database: 12 characters from a
-- 31-letter alphabet (no 0/o, 1/l/i), about 59 bits, from the random bytes of a version 4 UUID
-- (its version and variant bytes, 6 and 8, are skipped). Nothing that reads a user has to write
-- one. A collision with another user's code (unique) would fail that insert, at odds of about
-- one in 10^17 per pair.
CREATE FUNCTION keel_referral_code() RETURNS text LANGUAGE sql VOLATILE AS E'
  SELECT string_agg(substr(''23456789abcdefghjkmnpqrstuvwxyz'', 1 + get_byte(r.b, t.i) % 31, 1), '''' ORDER BY t.o)
  FROM (SELECT uuid_send(gen_random_uuid()) AS b) AS r,
       unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13]) WITH ORDINALITY AS t(i, o)';

-- AlterTable (a volatile default draws a different code for each existing user)
ALTER TABLE "User" ADD COLUMN     "referralCode" TEXT NOT NULL DEFAULT keel_referral_code(),
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
