-- Row-level security: the second wall between organizations.
--
-- The application connects as (or switches to) `keel_app`, a role that owns nothing and
-- cannot bypass row security. Every table with an "organizationId" only shows and accepts
-- rows of the organization named by the transaction-local setting `app.org_id`, which
-- lib/db/tenant.ts sets with set_config(..., true) in the same transaction as the queries.
-- The data layer filters by organization too, and each wall is tested to hold alone.
--
-- Settings a policy reads (all transaction-local, unset means "nothing"):
--   app.org_id                 the organization of a verified membership
--   app.user_id                the signed-in user (their own memberships, audit entries)
--   app.user_email             the signed-in user's address (invitations sent to it)
--   app.invitation_token_hash  the SHA-256 of an invitation link being opened

-- Roles are shared by every database of a server (test databases, previews), so create it
-- only when missing. The block is an E'' string with \073 for its semicolons: some migration
-- tools split scripts at every semicolon, even inside dollar quotes.
DO E'BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ''keel_app'') THEN
    CREATE ROLE keel_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\073
  END IF\073
END';

-- The migrating user (the tables' owner) may switch to it: lib/db does SET ROLE keel_app.
-- Skipped when it already may (a superuser, or an administrator granted it beforehand),
-- since granting again needs an admin option that user may not have.
DO E'BEGIN
  IF NOT pg_has_role(current_user, ''keel_app'', ''MEMBER'') THEN
    GRANT keel_app TO CURRENT_USER\073
  END IF\073
END';

GRANT USAGE ON SCHEMA public TO keel_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO keel_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO keel_app;
-- Tables added by later migrations get the same grants (the catalog test checks their policies).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO keel_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO keel_app;
-- Migrations are the owner's business. (The table is missing in Prisma's shadow database.)
DO E'BEGIN
  IF to_regclass(''"_prisma_migrations"'') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM keel_app\073
  END IF\073
END';

-- Tenant tables: ENABLE applies the policies, FORCE applies them to the owner as well.
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Subscription" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Subscription" FORCE ROW LEVEL SECURITY;
ALTER TABLE "BillingEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BillingEvent" FORCE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Project" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Project" FORCE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;

-- One organization at a time, for reads and writes alike.
CREATE POLICY tenant_isolation ON "Membership"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY tenant_isolation ON "Invitation"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY tenant_isolation ON "Subscription"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY tenant_isolation ON "BillingEvent"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY tenant_isolation ON "AuditLog"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY tenant_isolation ON "Project"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));
CREATE POLICY tenant_isolation ON "ApiKey"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

-- A user sees their own memberships in every organization (switcher, sign-in landing).
CREATE POLICY membership_own ON "Membership" FOR SELECT
  USING ("userId" = current_setting('app.user_id', true));

-- Invitations addressed to the signed-in user, or the one whose link is being opened.
CREATE POLICY invitation_invitee ON "Invitation" FOR SELECT
  USING (
    "email" = current_setting('app.user_email', true)
    OR "tokenHash" = current_setting('app.invitation_token_hash', true)
  );

-- Account-level entries (sign-in, password change) belong to no organization: anyone may
-- write one (lib/audit/record.ts inserts without RETURNING), and only its actor reads it
-- back (the data export) or scrubs it (account deletion), like their own entries elsewhere.
CREATE POLICY audit_account_insert ON "AuditLog" FOR INSERT
  WITH CHECK ("organizationId" IS NULL);
CREATE POLICY audit_own_select ON "AuditLog" FOR SELECT
  USING ("actorId" = current_setting('app.user_id', true));
CREATE POLICY audit_own_update ON "AuditLog" FOR UPDATE
  USING ("actorId" = current_setting('app.user_id', true))
  WITH CHECK ("actorId" = current_setting('app.user_id', true));
