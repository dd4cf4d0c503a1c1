import { toResponse } from "@/lib/actions/chain";
import { withMember } from "@/lib/actions/route";
import { createProjectAction, listProjectsAction } from "@/lib/projects/actions";

/**
 * The projects of the organization whose subdomain the request was sent to, as JSON.
 * Same checks as the pages (the session, the caller's membership, the permission), and
 * the plan: the JSON API is a paid feature, so Free organizations get 402.
 *
 * GET  /api/projects?q=&page=  → { data: { items, total, page, pageCount, query } }
 * POST /api/projects {name, description?} → 200 { data: project }
 */
const apiAccess = { permission: "projects:read", feature: "api" } as const;

export const GET = withMember(apiAccess, async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const key of ["q", "page"]) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  return toResponse(await listProjectsAction(query));
});

export const POST = withMember({ ...apiAccess, body: "json" }, async ({ body }) =>
  toResponse(await createProjectAction(body)),
);

export const dynamic = "force-dynamic";
