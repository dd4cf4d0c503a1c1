import "server-only";

import { inOrganizationSql, type ScopedDb } from "@/lib/db/tenant";
import { tenantClient } from "@/lib/db/tenant-databases/router";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorJoinFor, type ProjectAuthor } from "./author-join";
import type { ProjectCursor } from "./cursor";
import type { ProjectRow } from "./queries";

// Bounded so a large organization's list never counts every row on each request.
export const PROJECT_COUNT_CAP = 1_000;

export type BrowsedProject = ProjectRow & {
  /** Present when the author was read in the same statement (projects in the main database). */
  author?: ProjectAuthor;
};

/** The organization's projects counted up to PROJECT_COUNT_CAP + 1, as a scalar subquery. */
export function cappedCountSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT count(*)::int FROM (
      SELECT 1 FROM "Project" WHERE ${inOrganizationSql(organizationId)}
      LIMIT ${PROJECT_COUNT_CAP + 1}
    ) AS capped
  )`;
}

type Row = {
  total: number;
  id: string | null;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  createdById: string | null;
  authorName: string | null;
  authorEmail: string | null;
};

// One page of the newest-first list (oldest first before a cursor) and the count up to
// PROJECT_COUNT_CAP + 1 in one statement; the count drives the LATERAL page, so empty pages get it.
export async function browseProjects(
  tx: ScopedDb,
  organizationId: string,
  { after, before }: { after?: ProjectCursor; before?: ProjectCursor },
  take: number,
): Promise<{ rows: BrowsedProject[]; total: number }> {
  const edge = after ?? before;
  // timestamp(3) holds UTC: the cursor's UTC wall time, whatever the session's time zone.
  const keyset = !edge
    ? Prisma.empty
    : after
      ? Prisma.sql`AND ("createdAt", "id") < (${edge.createdAt.toISOString()}::timestamp, ${edge.id})`
      : Prisma.sql`AND ("createdAt", "id") > (${edge.createdAt.toISOString()}::timestamp, ${edge.id})`;
  const direction = before ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const authors = await authorJoinFor(tx);
  const rows = await (
    await tenantClient(tx)
  ).$queryRaw<Row[]>`
    SELECT c."total", l.* FROM (SELECT ${cappedCountSql(organizationId)} AS "total") AS c
    LEFT JOIN LATERAL (
      SELECT p."id", p."name", p."description", p."createdAt", p."updatedAt", p."createdById",
             ${authors.columns}
      FROM (
        SELECT "id", "name", "description", "createdAt", "updatedAt", "createdById"
        FROM "Project"
        WHERE ${inOrganizationSql(organizationId)} ${keyset}
        ORDER BY "createdAt" ${direction}, "id" ${direction}
        LIMIT ${take}
      ) AS p ${authors.join}
    ) AS l ON TRUE
    ORDER BY l."createdAt" ${direction}, l."id" ${direction}`;
  const total = rows[0]?.total ?? 0;
  const found = rows.filter((row): row is Row & { id: string } => row.id !== null);
  return {
    total,
    rows: found.map(({ total: _total, ...project }) => authors.attach(project)),
  };
}
