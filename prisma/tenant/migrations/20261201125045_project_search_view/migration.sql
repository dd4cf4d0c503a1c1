-- Project search that reads one organization's matches, not every row of the table.
--
-- Under row-level security PostgreSQL will not use ILIKE (not leakproof) as an index
-- condition, so a search scanned every project of the organization. The ProjectSearch view
-- does the organization filter itself, from the same transaction-local app.org_id the
-- policies read, and belongs to keel_search: a role that cannot log in, whose only policy
-- on "Project" lets it read, so the view's own filter and the search terms can both use
-- the index below. keel_app may read the view and nothing else changes for it: without
-- app.org_id set the view is empty, and it can only ever show the current organization.
--
-- btree_gin lets one GIN index lead with the organization, so a term is looked up in that
-- organization's rows only. It and pg_trgm are trusted extensions (the database owner may
-- create them).
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- DropIndex
DROP INDEX "Project_description_idx";

-- DropIndex
DROP INDEX "Project_name_idx";

-- CreateIndex (varchar_ops serves the text column the same way: text_ops, which Prisma's
-- schema cannot name without seeing drift, is the one it would pick)
CREATE INDEX "Project_search_idx" ON "Project" USING GIN ("organizationId" varchar_ops, "name" gin_trgm_ops, "description" gin_trgm_ops);
-- Without a pending list: GIN's fast update queues new entries in an unindexed list that every
-- search reads in full until a vacuum, up to 4 MB. Projects are written far less than searched.
ALTER INDEX "Project_search_idx" SET (fastupdate = off);

-- Roles are shared by every database of a server, so it is created only when missing (the
-- E'' string with \073 keeps migration tools from splitting the block at its semicolons).
DO E'BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ''keel_search'') THEN
    CREATE ROLE keel_search NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\073
  END IF\073
END';

-- The migrating user hands the view to keel_search, which needs membership.
DO E'BEGIN
  IF NOT pg_has_role(current_user, ''keel_search'', ''MEMBER'') THEN
    GRANT keel_search TO CURRENT_USER\073
  END IF\073
END';

REVOKE ALL ON "Project" FROM keel_search;
GRANT SELECT ("id", "organizationId", "name", "description", "createdAt", "updatedAt", "createdById") ON "Project" TO keel_search;
CREATE POLICY search_read ON "Project" FOR SELECT TO keel_search USING (true);

-- Not a security_barrier view on purpose: that would again keep ILIKE out of the index.
CREATE VIEW "ProjectSearch" AS
  SELECT "id", "organizationId", "name", "description", "createdAt", "updatedAt", "createdById"
  FROM "Project"
  WHERE "organizationId" = current_setting('app.org_id', true);
ALTER VIEW "ProjectSearch" OWNER TO keel_search;
-- Default privileges gave keel_app write grants on the new relation: reading is all it needs.
REVOKE ALL ON "ProjectSearch" FROM PUBLIC, keel_app;
GRANT SELECT ON "ProjectSearch" TO keel_app;

-- A common term's page (more matches than lib/projects/search.ts probes for): the
-- organization's projects newest first, filtered until a page is full. The planner cannot
-- tell how common a term is under row-level security and, guessing rare, would read every
-- match and sort them. Scans that ignore the order, and sorts that need every row, are off
-- inside this function only, so it always walks the (organizationId, createdAt) index
-- (incremental sort orders ties by id) and stops at `take` rows. It runs as
-- the caller: row-level security applies. A null organization (the isolation suite's
-- row-security-only mode) falls back to app.org_id.
CREATE FUNCTION keel_project_matches(org text, pattern text, at timestamp, edge_id text, newer boolean, take integer)
RETURNS TABLE (project_id text, project_name text, project_description text,
  project_created_at timestamp, project_updated_at timestamp, project_created_by text)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET enable_bitmapscan = off
SET enable_sort = off
AS E'BEGIN
  IF at IS NULL THEN
    RETURN QUERY SELECT p."id", p."name", p."description", p."createdAt", p."updatedAt", p."createdById" FROM "Project" p
      WHERE p."organizationId" = COALESCE(org, current_setting(''app.org_id'', true))
        AND (p."name" ILIKE pattern OR p."description" ILIKE pattern)
      ORDER BY p."createdAt" DESC, p."id" DESC LIMIT take\073
  ELSIF newer THEN
    RETURN QUERY SELECT p."id", p."name", p."description", p."createdAt", p."updatedAt", p."createdById" FROM "Project" p
      WHERE p."organizationId" = COALESCE(org, current_setting(''app.org_id'', true))
        AND p."createdAt" >= at AND (p."createdAt" > at OR p."id" > edge_id)
        AND (p."name" ILIKE pattern OR p."description" ILIKE pattern)
      ORDER BY p."createdAt" ASC, p."id" ASC LIMIT take\073
  ELSE
    RETURN QUERY SELECT p."id", p."name", p."description", p."createdAt", p."updatedAt", p."createdById" FROM "Project" p
      WHERE p."organizationId" = COALESCE(org, current_setting(''app.org_id'', true))
        AND p."createdAt" <= at AND (p."createdAt" < at OR p."id" < edge_id)
        AND (p."name" ILIKE pattern OR p."description" ILIKE pattern)
      ORDER BY p."createdAt" DESC, p."id" DESC LIMIT take\073
  END IF\073
END';
