import "server-only";

import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectCursor } from "./cursor";
import { PROJECTS_PAGE_SIZE, type ProjectListQuery } from "./schemas";

/** The fields of a project the app shows; the list and the detail page read the same shape. */
export const projectFields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.ProjectSelect;

export type ProjectView = Prisma.ProjectGetPayload<{ select: typeof projectFields }>;

/** What a row of the list shows: no author, which would cost a second query. */
const listFields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
} satisfies Prisma.ProjectSelect;

export type ProjectListItem = Prisma.ProjectGetPayload<{ select: typeof listFields }>;

export type ProjectPage = {
  items: ProjectView[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
};

/**
 * Counting stops here: past it a list says "10,000+" instead of reading every row of a
 * large organization on every request.
 */
export const PROJECT_COUNT_CAP = 1_000;

/** `q` for LIKE, with its wildcards taken literally (Prisma's `contains` passes them on). */
const literal = (q: string) => q.replace(/[\\%_]/g, "\\$&");

/** Projects of the organization, optionally matching `q` in the name or description. */
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

// The id breaks ties, so pages never overlap when two projects share a timestamp.
const newestFirst = [
  { createdAt: "desc" },
  { id: "desc" },
] satisfies Prisma.ProjectOrderByWithRelationInput[];

/**
 * How many match, counted up to one past the cap. In SQL: Prisma's count with `take`
 * walks the primary key, through every organization's rows.
 */
async function cappedCount(tx: ScopedDb, organizationId: string, q: string): Promise<number> {
  const scoped = inOrganization(organizationId).organizationId;
  const pattern = `%${literal(q)}%`;
  const [row] = await tx.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Project"
      WHERE ${scoped ? Prisma.sql`"organizationId" = ${scoped}` : Prisma.sql`TRUE`}
      ${q ? Prisma.sql`AND ("name" ILIKE ${pattern} OR "description" ILIKE ${pattern})` : Prisma.empty}
      LIMIT ${PROJECT_COUNT_CAP + 1}
    ) AS capped`;
  return row.count;
}

/**
 * One numbered page of the organization's projects, newest first (the JSON API). The
 * organization id comes from the caller's verified membership, never from the request.
 */
export async function listProjects(
  organizationId: string,
  { q, page }: ProjectListQuery,
  pageSize = PROJECTS_PAGE_SIZE,
): Promise<ProjectPage> {
  const where = matching(organizationId, q);
  return withTenant(organizationId, async (tx) => {
    const total = await tx.project.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const items = await tx.project.findMany({
      where,
      select: projectFields,
      orderBy: newestFirst,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageCount, query: q };
  });
}

export type ProjectSlice = {
  items: ProjectListItem[];
  /** Matching projects, at most PROJECT_COUNT_CAP + 1. */
  total: number;
  query: string;
  /** Where the next (older) and previous (newer) pages start, if there are any. */
  older: ProjectCursor | null;
  newer: ProjectCursor | null;
};

const cursorOf = (project: ProjectListItem): ProjectCursor => ({
  createdAt: project.createdAt,
  id: project.id,
});

/**
 * A page of projects after (older than) or before (newer than) a cursor, in a caller's
 * scoped transaction. The cursor becomes an index range on (organizationId, createdAt),
 * so the 500th page reads as few rows as the first.
 */
export async function sliceProjects(
  tx: ScopedDb,
  organizationId: string,
  { q, after, before }: { q: string; after?: ProjectCursor; before?: ProjectCursor },
  pageSize = PROJECTS_PAGE_SIZE,
): Promise<ProjectSlice> {
  const base = matching(organizationId, q);
  const edge = after ?? before;
  const where: Prisma.ProjectWhereInput = edge
    ? {
        AND: [
          base,
          after ? { createdAt: { lte: edge.createdAt } } : { createdAt: { gte: edge.createdAt } },
          after
            ? { OR: [{ createdAt: { lt: edge.createdAt } }, { id: { lt: edge.id } }] }
            : { OR: [{ createdAt: { gt: edge.createdAt } }, { id: { gt: edge.id } }] },
        ],
      }
    : base;
  const total = await cappedCount(tx, organizationId, q);
  const rows = await tx.project.findMany({
    where,
    select: listFields,
    orderBy: before ? [{ createdAt: "asc" }, { id: "asc" }] : newestFirst,
    // One extra row says whether there is a further page.
    take: pageSize + 1,
  });
  const more = rows.length > pageSize;
  const items = rows.slice(0, pageSize);
  if (before) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    total,
    query: q,
    older: last && (before || more) ? cursorOf(last) : null,
    newer: first && (after || (before && more)) ? cursorOf(first) : null,
  };
}

/** The project with this id in this organization, or null: an id alone never finds one. */
export async function getProject(organizationId: string, id: string): Promise<ProjectView | null> {
  return withTenant(organizationId, (tx) =>
    tx.project.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: projectFields,
    }),
  );
}
