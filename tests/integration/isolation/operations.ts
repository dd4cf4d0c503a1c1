import { randomBytes } from "node:crypto";
import type { ActionResult } from "@/lib/actions/result";
import * as projectApi from "@/app/api/projects/route";
import * as projectItemApi from "@/app/api/projects/[id]/route";
import {
  createProjectAction,
  deleteProjectAction,
  getProjectAction,
  listProjectsAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import type { Operation, Outcome, Prepared } from "./matrix";
import { fakeRequest } from "./request";
import type { OrgKey, World } from "./world";
import type { Database } from "@/lib/db/create-client";

/**
 * Every tenant operation of the app, as the isolation matrix calls it. The coverage test
 * (../isolation-coverage.test.ts) fails when an action or route is missing here.
 */

const fromResult = (result: ActionResult<unknown>): Outcome =>
  result.ok ? { ok: true, status: 200, data: result.data } : { ok: false, status: result.status };

async function fromResponse(response: Response): Promise<Outcome> {
  const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
  return { ok: response.ok, status: response.status, data: body?.data };
}

/** A request to the API as the browser of the current case would send it. */
function apiRequest(method: string, path: string, body?: unknown): Request {
  const headers = new Headers(fakeRequest.headers);
  const host = headers.get("host") ?? "localhost:3000";
  headers.set("origin", `http://${host}`);
  if (fakeRequest.cookie) headers.set("cookie", `keel.session=${fakeRequest.cookie}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://${host}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const marker = () => `marker-${randomBytes(6).toString("hex")}`;

async function aProject(admin: Database, world: World, org: OrgKey) {
  const name = marker();
  return admin.project.create({
    data: { organizationId: world.orgs[org].id, name, description: `About ${name}` },
    select: { id: true, name: true },
  });
}

const project = {
  withId: async ({ admin, world, org }: Parameters<Operation["prepare"]>[0]): Promise<Prepared> => {
    const p = await aProject(admin, world, org);
    return { input: { id: p.id }, marker: p.name };
  },
  withEdit: async ({
    admin,
    world,
    org,
  }: Parameters<Operation["prepare"]>[0]): Promise<Prepared> => {
    const p = await aProject(admin, world, org);
    return { input: { id: p.id, name: `renamed ${p.name}` }, marker: p.name };
  },
  listed: async ({ admin, world, org }: Parameters<Operation["prepare"]>[0]): Promise<Prepared> => {
    const p = await aProject(admin, world, org);
    return { input: {}, marker: p.name };
  },
  created: async (): Promise<Prepared> => ({ input: { name: marker() } }),
};

export const operations: Operation[] = [
  // Projects: the server actions...
  {
    name: "project.list",
    kind: "list",
    permission: "projects:read",
    targetsObject: false,
    prepare: project.listed,
    call: async (i) => fromResult(await listProjectsAction(i)),
  },
  {
    name: "project.get",
    kind: "read",
    permission: "projects:read",
    targetsObject: true,
    prepare: project.withId,
    call: async (i) => fromResult(await getProjectAction(i)),
  },
  {
    name: "project.create",
    kind: "create",
    permission: "projects:write",
    targetsObject: false,
    prepare: project.created,
    call: async (i) => fromResult(await createProjectAction(i)),
  },
  {
    name: "project.update",
    kind: "update",
    permission: "projects:write",
    targetsObject: true,
    prepare: project.withEdit,
    call: async (i) => fromResult(await updateProjectAction(i)),
  },
  {
    name: "project.delete",
    kind: "delete",
    permission: "projects:write",
    targetsObject: true,
    prepare: project.withId,
    call: async (i) => fromResult(await deleteProjectAction(i)),
  },
  // ...and the same operations through the JSON API.
  {
    name: "GET /api/projects",
    kind: "list",
    permission: "projects:read",
    targetsObject: false,
    prepare: project.listed,
    call: async () => fromResponse(await projectApi.GET(apiRequest("GET", "/api/projects"))),
  },
  {
    name: "POST /api/projects",
    kind: "create",
    permission: "projects:write",
    targetsObject: false,
    prepare: project.created,
    call: async (i) => fromResponse(await projectApi.POST(apiRequest("POST", "/api/projects", i))),
  },
  {
    name: "GET /api/projects/[id]",
    kind: "read",
    permission: "projects:read",
    targetsObject: true,
    prepare: project.withId,
    call: async (i) => {
      const { id } = i as { id: string };
      return fromResponse(
        await projectItemApi.GET(apiRequest("GET", `/api/projects/${id}`), {
          params: Promise.resolve({ id }),
        }),
      );
    },
  },
  {
    name: "PATCH /api/projects/[id]",
    kind: "update",
    permission: "projects:write",
    targetsObject: true,
    prepare: project.withEdit,
    call: async (i) => {
      const { id, ...body } = i as { id: string };
      return fromResponse(
        await projectItemApi.PATCH(apiRequest("PATCH", `/api/projects/${id}`, body), {
          params: Promise.resolve({ id }),
        }),
      );
    },
  },
  {
    name: "DELETE /api/projects/[id]",
    kind: "delete",
    permission: "projects:write",
    targetsObject: true,
    prepare: project.withId,
    call: async (i) => {
      const { id } = i as { id: string };
      return fromResponse(
        await projectItemApi.DELETE(apiRequest("DELETE", `/api/projects/${id}`), {
          params: Promise.resolve({ id }),
        }),
      );
    },
  },
];

/** Route files the operations above call, checked against app/api by the coverage test. */
export const routeFiles: Record<string, string[]> = {
  "app/api/projects/route.ts": ["GET /api/projects", "POST /api/projects"],
  "app/api/projects/[id]/route.ts": [
    "GET /api/projects/[id]",
    "PATCH /api/projects/[id]",
    "DELETE /api/projects/[id]",
  ],
};
