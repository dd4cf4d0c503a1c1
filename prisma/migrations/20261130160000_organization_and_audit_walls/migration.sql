-- Closes two gaps in the second wall (see 20261122150000_tenant_row_level_security).
--
-- 1. "Organization" had no row-level security: the app renames and deletes it by id, so
--    a bug that passed another organization's id would have reached it. Now a row can
--    only be changed or deleted inside its own scope (app.org_id). Reading stays open:
--    the subdomain is resolved to an organization before any membership is known, and
--    slug and name are what anyone may learn from an address. Creating one needs a
--    signed-in user's scope (onboarding) or the new row's own scope (the seed).
ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organization" FORCE ROW LEVEL SECURITY;

CREATE POLICY organization_read ON "Organization" FOR SELECT
  USING (true);
CREATE POLICY organization_create ON "Organization" FOR INSERT
  WITH CHECK (
    coalesce(current_setting('app.user_id', true), '') <> ''
    OR "id" = current_setting('app.org_id', true)
  );
CREATE POLICY organization_update ON "Organization" FOR UPDATE
  USING ("id" = current_setting('app.org_id', true))
  WITH CHECK ("id" = current_setting('app.org_id', true));
CREATE POLICY organization_delete ON "Organization" FOR DELETE
  USING ("id" = current_setting('app.org_id', true));

-- 2. Audit entries are a record of what happened: the app appends them and never edits
--    them. The one exception is account deletion, which erases the departing user's
--    personal data (address, browser, an account entry's details) from their entries.
--    The app role may update only those columns, and only to erase them: the old
--    account-scope policy let a user rewrite their own entries' organization, action and
--    metadata, and the organization policy let a member rewrite the organization's.
REVOKE UPDATE ON "AuditLog" FROM keel_app;
GRANT UPDATE ("ipAddress", "userAgent", "metadata") ON "AuditLog" TO keel_app;

DROP POLICY audit_own_update ON "AuditLog";
CREATE POLICY audit_own_erase ON "AuditLog" FOR UPDATE
  USING ("actorId" = current_setting('app.user_id', true))
  WITH CHECK ("actorId" = current_setting('app.user_id', true));

-- Column grants cannot say "only to NULL", so a trigger does, for every role: a value
-- may be erased, never replaced. (The foreign key clears actorId when a user is deleted;
-- that is an erasure too.) The body is an E'' string with \073 for its semicolons, like
-- the DO blocks of the first row-level security migration.
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
