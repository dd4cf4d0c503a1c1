-- A dedicated tenant database: the tenant tables of the organizations that live here, with the
-- same row-level security as the main database (defence in depth: a database of one customer
-- still refuses the app role another organization's rows), and the same write freeze the move
-- command uses. Users and organizations stay in the main database, so there are no foreign keys
-- to them here: the data layer checks them there.

-- Roles are shared by every database of a server. See the main migration
-- 20261122150000_tenant_row_level_security for why these blocks and the function bodies are E''
-- strings with \073 for their semicolons.
DO E'BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ''keel_app'') THEN
    CREATE ROLE keel_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\073
  END IF\073
END';
DO E'BEGIN
  IF NOT pg_has_role(current_user, ''keel_app'', ''MEMBER'') THEN
    GRANT keel_app TO CURRENT_USER\073
  END IF\073
END';

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantWriteFreeze" (
    "organizationId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantWriteFreeze_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_createdAt_idx" ON "AuditLog"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "Project_organizationId_createdAt_idx" ON "Project"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Project_createdById_idx" ON "Project"("createdById");

-- CreateIndex
CREATE INDEX "Project_name_idx" ON "Project" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Project_description_idx" ON "Project" USING GIN ("description" gin_trgm_ops);


GRANT USAGE ON SCHEMA public TO keel_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Project" TO keel_app;
GRANT SELECT, INSERT, DELETE ON "AuditLog" TO keel_app;
GRANT UPDATE ("ipAddress", "userAgent", "metadata", "actorId") ON "AuditLog" TO keel_app;
GRANT SELECT ON "TenantWriteFreeze" TO keel_app;

ALTER TABLE "Project" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Project" FORCE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
ALTER TABLE "TenantWriteFreeze" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TenantWriteFreeze" FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON "Project"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY platform_read ON "Project" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');

-- Only organizations' entries live here (account-level ones stay in the main database), so
-- there is no policy for inserting an entry without an organization.
CREATE POLICY tenant_isolation ON "AuditLog"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY platform_read ON "AuditLog" FOR SELECT
  USING (current_setting('app.platform_read', true) = 'on');
CREATE POLICY audit_own_select ON "AuditLog" FOR SELECT
  USING ("actorId" = current_setting('app.user_id', true));
CREATE POLICY audit_about_me ON "AuditLog" FOR SELECT
  USING ("targetType" = 'user' AND "targetId" = current_setting('app.user_id', true));
CREATE POLICY audit_own_erase ON "AuditLog" FOR UPDATE
  USING ("actorId" = current_setting('app.user_id', true))
  WITH CHECK ("actorId" = current_setting('app.user_id', true));

CREATE POLICY freeze_read ON "TenantWriteFreeze" FOR SELECT USING (true);

CREATE FUNCTION keel_audit_log_erase_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id"
    OR NEW."organizationId" IS DISTINCT FROM OLD."organizationId"
    OR NEW."action" IS DISTINCT FROM OLD."action"
    OR NEW."targetType" IS DISTINCT FROM OLD."targetType"
    OR NEW."targetId" IS DISTINCT FROM OLD."targetId"
    OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt"
    OR (NEW."actorId" IS DISTINCT FROM OLD."actorId" AND NEW."actorId" IS NOT NULL)
    OR (NEW."ipAddress" IS DISTINCT FROM OLD."ipAddress" AND NEW."ipAddress" IS NOT NULL)
    OR (NEW."userAgent" IS DISTINCT FROM OLD."userAgent" AND NEW."userAgent" IS NOT NULL)
    OR (NEW."metadata"::text IS DISTINCT FROM OLD."metadata"::text
        AND (NEW."metadata" IS NOT NULL OR OLD."organizationId" IS NOT NULL))
  THEN
    RAISE EXCEPTION ''audit entries are append-only: an update may only erase personal data''
      USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  RETURN NEW\073
END';


CREATE TRIGGER audit_log_erase_only BEFORE UPDATE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION keel_audit_log_erase_only();

-- While an organization's tenant rows are copied elsewhere, the app role may not change them.
-- A writer holds the organization's lock in shared mode until it commits, so the move, which
-- takes it exclusively to freeze, waits for writes already under way: none is lost. The same
-- function and triggers are in prisma/tenant/migrations for dedicated databases.
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
