import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { notFound } from "@/lib/errors";
import { createProject, deleteProject, updateProject } from "./mutations";
import { getProject, listProjects } from "./queries";
import {
  projectIdSchema,
  projectInputSchema,
  projectListSchema,
  projectUpdateSchema,
} from "./schemas";

/**
 * The project operations as the outside world calls them: each one checks the session,
 * the membership behind the request's host and the permission, then parses the input
 * strictly. Forms (app/org/[slug]/projects/actions.ts), the JSON API (app/api/projects)
 * and the tests call exactly these, so no door has fewer checks than another.
 */

export const listProjectsAction = memberAction(
  "project.list",
  "projects:read",
  projectListSchema,
  (query, ctx) => listProjects(ctx.organization.id, query),
);

export const getProjectAction = memberAction(
  "project.get",
  "projects:read",
  projectIdSchema,
  async ({ id }, ctx) => {
    const project = await getProject(ctx.organization.id, id);
    if (!project) throw notFound("That project");
    return project;
  },
);

export const createProjectAction = memberAction(
  "project.create",
  "projects:write",
  projectInputSchema,
  (input, ctx) => createProject(ctx, input),
);

export const updateProjectAction = memberAction(
  "project.update",
  "projects:write",
  projectUpdateSchema,
  ({ id, ...input }, ctx) => updateProject(ctx, id, input),
);

export const deleteProjectAction = memberAction(
  "project.delete",
  "projects:write",
  projectIdSchema,
  ({ id }, ctx) => deleteProject(ctx, id),
);
