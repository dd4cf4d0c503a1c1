-- The move command (lib/db/tenant-databases/move.ts) writes freeze markers as the tables' owner.
-- FORCE applies the policies to the owner too, and a managed database's owner is rarely a
-- superuser or BYPASSRLS: without a write policy its INSERT was refused. Every login but the
-- app role may write them, and the app role has no INSERT, UPDATE or DELETE grant on the table either.
CREATE POLICY freeze_owner_write ON "TenantWriteFreeze" FOR ALL
  USING (current_user <> 'keel_app')
  WITH CHECK (current_user <> 'keel_app');
