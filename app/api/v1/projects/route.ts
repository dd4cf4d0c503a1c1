import { preflight } from "@/lib/api/v1/cors";
import { apiRoute, json } from "@/lib/api/v1/handler";
import { createApiProject, listApiProjects } from "@/lib/api/v1/projects";
import { createProjectSchema, projectListQuerySchema } from "@/lib/api/v1/schemas";
import { parse, queryOf } from "@/lib/api/v1/validate";

export const GET = apiRoute("projects:read", async ({ request, caller }) =>
  json(
    await listApiProjects(caller.organization.id, parse(projectListQuerySchema, queryOf(request))),
  ),
);

export const POST = apiRoute("projects:write", async ({ body, caller, client }) =>
  json(await createApiProject({ caller, client }, parse(createProjectSchema, body)), 201),
);

export const OPTIONS = preflight;

export const dynamic = "force-dynamic";
