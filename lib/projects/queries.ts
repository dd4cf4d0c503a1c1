import "server-only";

import { withReplicaTenant } from "@/lib/db/replica-scope";
import { tenantClient } from "@/lib/db/tenant-databases/router";
import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectAuthor } from "./author-join";
import { withAuthor, withAuthors } from "./authors";
import { browseProjects, cappedCountSql, PROJECT_COUNT_CAP, type BrowsedProject } from "./browse";
import type { ProjectCursor } from "./cursor";
import { PROJECTS_PAGE_SIZE, type ProjectListQuery } from "./schemas";
import { pageOfHits, probeMatches, SEARCH_PROBE, walkMatches } from "./search";

// No relation to the author: a dedicated tenant database has no users (lib/projects/authors.ts).
export const projectFields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  createdById: true,
} satisfies Prisma.ProjectSelect;

export type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectFields }>;
export type ProjectView = Omit<ProjectRow, "createdById"> & { createdBy: ProjectAuthor };

export type ProjectPage = {
  items: ProjectView[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
};

export { PROJECT_COUNT_CAP };

// Prisma's `contains` passes LIKE wildcards on: escape them.
const literal = (q: string) => q.replace(/[\\%_]/g, "\\$&");

function matching(organizationId: string, q: string): Prisma.ProjectWhereInput {
  const term = literal(q);
  return {
    ...inOrganization(organizationId),
    ...(q
      ? {
          OR: [
            { name: { contains: term, mode: "insensitive" } },
            { description: { contains: term, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

const newestFirst = [
  { createdAt: "desc" },
  { id: "desc" },
] satisfies Prisma.ProjectOrderByWithRelationInput[];

// Raw SQL: Prisma's count with `take` walks the primary key through every organization's rows.
export async function cappedCount(tx: ScopedDb, organizationId: string): Promise<number> {
  const [row] = await (
    await tenantClient(tx)
  ).$queryRaw<[{ count: number }]>`SELECT ${cappedCountSql(organizationId)} AS "count"`;
  return row.count;
}

export async function listProjects(
  organizationId: string,
  { q, page }: ProjectListQuery,
  pageSize = PROJECTS_PAGE_SIZE,
): Promise<ProjectPage> {
  const where = matching(organizationId, q);
  return withReplicaTenant(organizationId, async (tx) => {
    const total = await tx.project.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const rows = await tx.project.findMany({
      where,
      select: projectFields,
      orderBy: newestFirst,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await withAuthors(tx, rows), total, page, pageCount, query: q };
  });
}

export type ProjectSlice = {
  items: ProjectView[];
  total: number;
  /** `total` above this reads "<countCap>+": browsing counts to PROJECT_COUNT_CAP, search less. */
  countCap: number;
  query: string;
  older: ProjectCursor | null;
  newer: ProjectCursor | null;
};

const cursorOf = (project: { createdAt: Date; id: string }): ProjectCursor => ({
  createdAt: project.createdAt,
  id: project.id,
});

export async function sliceProjects(
  tx: ScopedDb,
  organizationId: string,
  { q, after, before }: { q: string; after?: ProjectCursor; before?: ProjectCursor },
  pageSize = PROJECTS_PAGE_SIZE,
): Promise<ProjectSlice> {
  // A rare term: every match is already here (lib/projects/search.ts).
  const hits = q ? await probeMatches(tx, organizationId, q) : null;
  let page: BrowsedProject[];
  let more: boolean;
  let total: number;
  if (hits) {
    ({ items: page, more } = pageOfHits(hits, { after, before }, pageSize));
    total = hits.length;
  } else {
    let rows: BrowsedProject[];
    if (q) {
      rows = await walkMatches(tx, organizationId, { q, after, before }, pageSize + 1);
      total = SEARCH_PROBE + 1;
    } else {
      ({ rows, total } = await browseProjects(tx, organizationId, { after, before }, pageSize + 1));
    }
    more = rows.length > pageSize;
    page = rows.slice(0, pageSize);
    if (before) page.reverse();
  }
  const items = await withAuthors(tx, page);
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    total,
    countCap: q ? SEARCH_PROBE : PROJECT_COUNT_CAP,
    query: q,
    older: last && (before || more) ? cursorOf(last) : null,
    newer: first && (after || (before && more)) ? cursorOf(first) : null,
  };
}

export async function getProject(organizationId: string, id: string): Promise<ProjectView | null> {
  return withTenant(organizationId, async (tx) => {
    const row = await tx.project.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: projectFields,
    });
    return row ? withAuthor(tx, row) : null;
  });
}
