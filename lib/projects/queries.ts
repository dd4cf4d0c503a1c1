import "server-only";

import { inOrganization, withTenant } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
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

export type ProjectPage = {
  items: ProjectView[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
};

/**
 * One page of the organization's projects, newest first, optionally filtered by a
 * case-insensitive search in the name and description. The organization id comes from
 * the caller's verified membership (MemberContext), never from the request.
 */
export async function listProjects(
  organizationId: string,
  { q, page }: ProjectListQuery,
  pageSize = PROJECTS_PAGE_SIZE,
): Promise<ProjectPage> {
  const where: Prisma.ProjectWhereInput = {
    ...inOrganization(organizationId),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { description: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  return withTenant(organizationId, async (tx) => {
    const total = await tx.project.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const items = await tx.project.findMany({
      where,
      select: projectFields,
      // The id breaks ties, so pages never overlap when two projects share a timestamp.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageCount, query: q };
  });
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
