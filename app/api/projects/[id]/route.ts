import { toResponse } from "@/lib/actions/chain";
import { withMember } from "@/lib/actions/route";
import { badRequest } from "@/lib/http/same-origin";
import { deleteProjectAction, getProjectAction, updateProjectAction } from "@/lib/projects/actions";

type Params = { id: string };
const apiAccess = { permission: "projects:read", feature: "api" } as const;

/** GET, PATCH {name, description?} and DELETE one project of the request's organization. */
export const GET = withMember<Params>(apiAccess, async ({ params }) =>
  toResponse(await getProjectAction({ id: params.id })),
);

export const PATCH = withMember<Params>(
  { ...apiAccess, body: "json" },
  async ({ body, params }) => {
    // The id comes from the path; one in the body is refused by the strict schema.
    if ("id" in body) return badRequest({ id: "Put the id in the path, not the body." });
    return toResponse(await updateProjectAction({ ...body, id: params.id }));
  },
);

export const DELETE = withMember<Params>(apiAccess, async ({ params }) =>
  toResponse(await deleteProjectAction({ id: params.id })),
);

export const dynamic = "force-dynamic";
