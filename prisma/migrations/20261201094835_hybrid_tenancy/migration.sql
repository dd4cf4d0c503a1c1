-- CreateEnum
CREATE TYPE "TenantDatabaseStatus" AS ENUM ('ACTIVE', 'CLOSED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "tenantDatabaseId" TEXT;

-- CreateTable
CREATE TABLE "TenantDatabase" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sealedUrl" TEXT NOT NULL,
    "status" "TenantDatabaseStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantDatabase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantWriteFreeze" (
    "organizationId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantWriteFreeze_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenantDatabase_name_key" ON "TenantDatabase"("name");

-- CreateIndex
CREATE INDEX "Organization_tenantDatabaseId_idx" ON "Organization"("tenantDatabaseId");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_tenantDatabaseId_fkey" FOREIGN KEY ("tenantDatabaseId") REFERENCES "TenantDatabase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The registry carries sealed connection URLs and is changed only by operators' commands,
-- which run as the owner. The app role reads it to connect.
REVOKE INSERT, UPDATE, DELETE ON "TenantDatabase" FROM keel_app;

-- Only the owner (the move command) sets where an organization's data lives.
REVOKE UPDATE ON "Organization" FROM keel_app;
GRANT UPDATE ("slug", "name", "suspendedAt", "suspendedReason", "seatLimit", "projectLimit",
  "compPlan", "compEndsAt", "createdAt", "updatedAt") ON "Organization" TO keel_app;

-- Freeze markers hold no customer data: every scope may see them, only the owner writes them.
REVOKE INSERT, UPDATE, DELETE ON "TenantWriteFreeze" FROM keel_app;
ALTER TABLE "TenantWriteFreeze" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TenantWriteFreeze" FORCE ROW LEVEL SECURITY;
CREATE POLICY freeze_read ON "TenantWriteFreeze" FOR SELECT USING (true);

-- While an organization's tenant rows are copied elsewhere, the app role may not change them.
-- A writer holds the organization's lock in shared mode until it commits, so the move, which
-- takes it exclusively to freeze, waits for writes already under way: none is lost. The same
-- function and triggers are in prisma/tenant/migrations for dedicated databases. The body is an
-- E'' string with \073 for its semicolons (see 20261130160000_organization_and_audit_walls).
CREATE FUNCTION keel_refuse_frozen_tenant_write() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  org text := CASE WHEN TG_OP = ''DELETE'' THEN OLD."organizationId" ELSE NEW."organizationId" END\073
BEGIN
  IF org IS NOT NULL AND current_user = ''keel_app'' THEN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended(''keel.tenant_write:'' || org, 0))\073
    IF EXISTS (SELECT 1 FROM "TenantWriteFreeze" WHERE "organizationId" = org) THEN
      RAISE EXCEPTION ''organization % is being moved\073 try again in a moment'', org
        USING ERRCODE = ''KL503''\073
    END IF\073
  END IF\073
  RETURN CASE WHEN TG_OP = ''DELETE'' THEN OLD ELSE NEW END\073
END';

CREATE TRIGGER project_write_freeze BEFORE INSERT OR UPDATE OR DELETE ON "Project"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_frozen_tenant_write();
CREATE TRIGGER audit_log_write_freeze BEFORE INSERT OR UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_frozen_tenant_write();
