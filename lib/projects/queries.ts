import "server-only";

import { withReplicaTenant } from "@/lib/db/replica-scope";
import { tenantClient } from "@/lib/db/tenant-databases/router";
import { inOrganization, inOrganizationSql, withTenant, type ScopedDb } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { userNames } from "@/lib/tenancy/user-names";
import { withAuthor, withAuthors } from "./authors";
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
export type ProjectView = Omit<ProjectRow, "createdById"> & {
  createdBy: { name: string | null; email: string } | null;
};

const listFields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  createdById: true,
} satisfies Prisma.ProjectSelect;

type ProjectListRow = Prisma.ProjectGetPayload<{ select: typeof listFields }>;
export type ProjectListItem = Omit<ProjectListRow, "createdById"> & {
  createdBy: { name: string | null; email: string } | null;
};

export type ProjectPage = {
  items: ProjectView[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
};

// Bounded so a large organization's list never counts every row on each request.
export const PROJECT_COUNT_CAP = 1_000;

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

// Rows after (older than) or before (newer than) a cursor, in the list's newest-first order.
function keyset(
  base: Prisma.ProjectWhereInput,
  { after, before }: { after?: ProjectCursor; before?: ProjectCursor },
): Prisma.ProjectWhereInput {
  const edge = after ?? before;
  if (!edge) return base;
  return {
    AND: [
      base,
      after ? { createdAt: { lte: edge.createdAt } } : { createdAt: { gte: edge.createdAt } },
      after
        ? { OR: [{ createdAt: { lt: edge.createdAt } }, { id: { lt: edge.id } }] }
        : { OR: [{ createdAt: { gt: edge.createdAt } }, { id: { gt: edge.id } }] },
    ],
  };
}

// Raw SQL: Prisma's count with `take` walks the primary key through every organization's rows.
export async function cappedCount(tx: ScopedDb, organizationId: string): Promise<number> {
  const [row] = await (
    await tenantClient(tx)
  ).$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Project"
      WHERE ${inOrganizationSql(organizationId)}
      LIMIT ${PROJECT_COUNT_CAP + 1}
    ) AS capped`;
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
  items: ProjectListItem[];
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
  let page: ProjectListRow[];
  let more: boolean;
  let total: number;
  if (hits) {
    ({ items: page, more } = pageOfHits(hits, { after, before }, pageSize));
    total = hits.length;
  } else {
    const rows = q
      ? await walkMatches(tx, organizationId, { q, after, before }, pageSize + 1)
      : await tx.project.findMany({
          where: keyset(inOrganization(organizationId), { after, before }),
          select: listFields,
          orderBy: before ? [{ createdAt: "asc" }, { id: "asc" }] : newestFirst,
          take: pageSize + 1,
        });
    more = rows.length > pageSize;
    page = rows.slice(0, pageSize);
    if (before) page.reverse();
    // A common term has more than SEARCH_PROBE matches: no need to count them.
    total = q ? SEARCH_PROBE + 1 : await cappedCount(tx, organizationId);
  }
  // Authors live in the main database even when projects do not: one query by id, same transaction.
  const authors = await userNames(
    tx,
    page.map((row) => row.createdById),
  );
  const items = page.map(({ createdById, ...row }) => {
    const author = createdById ? authors.get(createdById) : undefined;
    return { ...row, createdBy: author ? { name: author.name, email: author.email } : null };
  });
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
