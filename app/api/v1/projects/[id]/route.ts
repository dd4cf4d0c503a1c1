import { preflight } from "@/lib/api/v1/cors";
import { apiRoute, json } from "@/lib/api/v1/handler";
import { deleteApiProject, getApiProject, updateApiProject } from "@/lib/api/v1/projects";
import { updateProjectSchema } from "@/lib/api/v1/schemas";
import { parse } from "@/lib/api/v1/validate";
import { notFound } from "@/lib/errors";

type Params = { id: string };

// Another organization's id reads exactly like one that does not exist.
const missing = () => notFound("That project");

export const GET = apiRoute<Params>("projects:read", async ({ caller }, { id }) => {
  const project = await getApiProject(caller.organization.id, id);
  if (!project) throw missing();
  return json(project);
});

export const PATCH = apiRoute<Params>(
  "projects:write",
  async ({ body, caller, client }, { id }) => {
    const project = await updateApiProject(
      { caller, client },
      id,
      parse(updateProjectSchema, body),
    );
    if (!project) throw missing();
    return json(project);
  },
);

export const DELETE = apiRoute<Params>("projects:write", async ({ caller, client }, { id }) => {
  if (!(await deleteApiProject({ caller, client }, id))) throw missing();
  return new Response(null, { status: 204 });
});

export const OPTIONS = preflight;

export const dynamic = "force-dynamic";
