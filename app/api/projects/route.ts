import { toResponse } from "@/lib/actions/chain";
import { refuseWithoutApiAccess } from "@/lib/billing/plans/api-access";
import {
  badRequest,
  forbiddenOrigin,
  isSameOriginRequest,
  readJsonObject,
} from "@/lib/http/same-origin";
import { createProjectAction, listProjectsAction } from "@/lib/projects/actions";

/**
 * The projects of the organization whose subdomain the request was sent to, as JSON.
 * Same checks as the pages (the session, the caller's membership, the permission), and
 * the plan: the JSON API is a paid feature, so Free organizations get 402.
 *
 * GET  /api/projects?q=&page=  → { data: { items, total, page, pageCount, query } }
 * POST /api/projects {name, description?} → 200 { data: project }
 */
export async function GET(request: Request) {
  const refused = await refuseWithoutApiAccess();
  if (refused) return refused;
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const key of ["q", "page"]) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  return toResponse(await listProjectsAction(query));
}

export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  const refused = await refuseWithoutApiAccess();
  if (refused) return refused;
  const body = await readJsonObject(request);
  if (!body) return badRequest();
  return toResponse(await createProjectAction(body));
}

export const dynamic = "force-dynamic";
