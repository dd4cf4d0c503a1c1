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

// Forms, the JSON API and tests all call these, so no door has fewer checks than another.

export const listProjectsAction = memberAction(
  "project.list",
  "projects:read",
  projectListSchema,
  (query, ctx) => listProjects(ctx.organization.id, query),
  { readOnly: true },
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
  { readOnly: true },
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
