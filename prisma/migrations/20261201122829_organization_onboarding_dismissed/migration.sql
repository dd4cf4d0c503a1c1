-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "onboardingDismissedAt" TIMESTAMP(3);

-- The app role updates only the columns it was granted (20261201094835_hybrid_tenancy): owners
-- and admins set this one when they dismiss the getting-started checklist.
GRANT UPDATE ("onboardingDismissedAt") ON "Organization" TO keel_app;
