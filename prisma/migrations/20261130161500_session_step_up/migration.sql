-- AlterEnum
ALTER TYPE "AuthTokenPurpose" ADD VALUE 'REAUTHENTICATION';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "authenticatedAt" TIMESTAMP(3);
