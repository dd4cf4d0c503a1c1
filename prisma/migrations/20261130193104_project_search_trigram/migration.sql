-- Project search (ILIKE '%term%' on name and description) through trigram indexes, so a
-- search costs about the same in an organization of 10 projects or 10,000. pg_trgm is a
-- trusted extension: the database owner may create it (PGlite loads it in lib/db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Project_name_idx" ON "Project" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Project_description_idx" ON "Project" USING GIN ("description" gin_trgm_ops);
