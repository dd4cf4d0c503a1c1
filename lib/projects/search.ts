import "server-only";

import { tenantClient } from "@/lib/db/tenant-databases/router";
import { inOrganization, type ScopedDb } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorJoinFor } from "./author-join";
import type { BrowsedProject } from "./browse";
import type { ProjectCursor } from "./cursor";

// A search probes the trigram index (ProjectSearch view) for SEARCH_PROBE + 1 matches: fewer is
// every match, sorted here with an exact count; more is a common term, paged by walking the
// newest-first index (count "50+"). Either way it costs about what page 1 does, at any size.
export const SEARCH_PROBE = 50;

type Row = Omit<BrowsedProject, "author"> & {
  authorName: string | null;
  authorEmail: string | null;
};

// ILIKE would take % and _ from the visitor as wildcards.
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

/** Every match when there are at most SEARCH_PROBE of them, otherwise null. */
export async function probeMatches(
  tx: ScopedDb,
  organizationId: string,
  q: string,
): Promise<BrowsedProject[] | null> {
  const pattern = likePattern(q);
  // The view already keeps to app.org_id; the data layer's own filter is the second wall.
  const scoped = inOrganization(organizationId).organizationId;
  const authors = await authorJoinFor(tx);
  const rows = await (
    await tenantClient(tx)
  ).$queryRaw<Row[]>`
    SELECT p.*, ${authors.columns}
    FROM (
      SELECT "id", "name", "description", "createdAt", "updatedAt", "createdById"
      FROM "ProjectSearch"
      WHERE ("name" ILIKE ${pattern} OR "description" ILIKE ${pattern})
      ${scoped ? Prisma.sql`AND "organizationId" = ${scoped}` : Prisma.empty}
      LIMIT ${SEARCH_PROBE + 1}
    ) AS p ${authors.join}`;
  if (rows.length > SEARCH_PROBE) return null;
  return rows.map((row) => authors.attach(row));
}

// Newest first, ties by id: the order of the list's index and of its cursors.
export function newestFirst(a: ProjectCursor, b: ProjectCursor): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** One page of a complete, small set of matches, with the same cursor rules as the index walk. */
export function pageOfHits<T extends ProjectCursor>(
  hits: T[],
  { after, before }: { after?: ProjectCursor; before?: ProjectCursor },
  pageSize: number,
): { items: T[]; more: boolean } {
  const sorted = [...hits].sort(newestFirst);
  if (after) {
    const older = sorted.filter((hit) => newestFirst(hit, after) > 0);
    return { items: older.slice(0, pageSize), more: older.length > pageSize };
  }
  if (before) {
    const newer = sorted.filter((hit) => newestFirst(hit, before) < 0);
    return { items: newer.slice(-pageSize), more: newer.length > pageSize };
  }
  return { items: sorted.slice(0, pageSize), more: sorted.length > pageSize };
}

/** A common term's page, newest first (or oldest first before a cursor): see keel_project_matches. */
export async function walkMatches(
  tx: ScopedDb,
  organizationId: string,
  { q, after, before }: { q: string; after?: ProjectCursor; before?: ProjectCursor },
  take: number,
): Promise<BrowsedProject[]> {
  const scoped = inOrganization(organizationId).organizationId ?? null;
  const edge = after ?? before;
  const at = edge ? edge.createdAt.toISOString() : null;
  const authors = await authorJoinFor(tx);
  // The function's order is the page's: kept by WITH ORDINALITY through the join.
  const rows = await (
    await tenantClient(tx)
  ).$queryRaw<Row[]>`
    SELECT p."id", p."name", p."description", p."createdAt", p."updatedAt", p."createdById",
           ${authors.columns}
    FROM (
      SELECT project_id AS "id", project_name AS "name", project_description AS "description",
             project_created_at AS "createdAt", project_updated_at AS "updatedAt",
             project_created_by AS "createdById", position
      FROM keel_project_matches(${scoped}, ${likePattern(q)}, ${at}::timestamp,
                                ${edge?.id ?? null}, ${before !== undefined}, ${take})
           WITH ORDINALITY AS m(project_id, project_name, project_description, project_created_at,
                                project_updated_at, project_created_by, position)
    ) AS p ${authors.join}
    ORDER BY p.position`;
  return rows.map((row) => authors.attach(row));
}
