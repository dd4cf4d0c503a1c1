-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "onboardingDismissedAt" TIMESTAMP(3);
