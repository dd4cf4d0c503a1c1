import { toResponse } from "@/lib/actions/chain";
import { refuseWithoutApiAccess } from "@/lib/billing/plans/api-access";
import {
  badRequest,
  forbiddenOrigin,
  isSameOriginRequest,
  readJsonObject,
} from "@/lib/http/same-origin";
import { deleteProjectAction, getProjectAction, updateProjectAction } from "@/lib/projects/actions";

type RouteContext = { params: Promise<{ id: string }> };

/** GET, PATCH {name, description?} and DELETE one project of the request's organization. */
export async function GET(_request: Request, { params }: RouteContext) {
  const refused = await refuseWithoutApiAccess();
  if (refused) return refused;
  return toResponse(await getProjectAction({ id: (await params).id }));
}

export async function PATCH(request: Request, { params }: RouteContext) {
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  const refused = await refuseWithoutApiAccess();
  if (refused) return refused;
  const body = await readJsonObject(request);
  if (!body) return badRequest();
  // The id comes from the path; one in the body is refused by the strict schema.
  if ("id" in body) return badRequest({ id: "Put the id in the path, not the body." });
  return toResponse(await updateProjectAction({ ...body, id: (await params).id }));
}

export async function DELETE(request: Request, { params }: RouteContext) {
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  const refused = await refuseWithoutApiAccess();
  if (refused) return refused;
  return toResponse(await deleteProjectAction({ id: (await params).id }));
}

export const dynamic = "force-dynamic";
