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
import {
  inviteMemberAction,
  inviteMembersAction,
  listInvitationsAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "@/lib/invitations/actions";
import {
  changeRoleAction,
  leaveOrganizationAction,
  listMembersAction,
  removeMemberAction,
} from "@/lib/members/actions";
import {
  deleteOrganizationAction,
  transferOwnershipAction,
  updateOrganizationAction,
} from "@/lib/organizations/actions";
import { listAuditLogAction } from "@/lib/audit-log/list-action";
import { dismissChecklistAction } from "@/lib/onboarding/actions";
import { exportAuditLogAction } from "@/lib/audit-log/export-action";
import * as auditExportApi from "@/app/api/audit/export/route";
import {
  cancelSubscriptionAction,
  changePlanAction,
  openPortalAction,
  previewPlanChangeAction,
  resumeSubscriptionAction,
  startCheckoutAction,
} from "@/lib/billing/actions";
import * as v1Projects from "@/app/api/v1/projects/route";
import * as v1Project from "@/app/api/v1/projects/[id]/route";
import * as v1Organization from "@/app/api/v1/organization/route";
import * as v1Members from "@/app/api/v1/members/route";
import {
  changeApiKeyScopesAction,
  createApiKeyAction,
  revokeApiKeyAction,
} from "@/lib/api-keys/actions";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import {
  attachmentDownloadAction,
  confirmAttachmentAction,
  deleteAttachmentAction,
  prepareAttachmentUploadAction,
} from "@/lib/attachments/actions";
import { GET as attachmentRoute } from "@/app/org/[slug]/projects/[id]/files/[fileId]/route";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createStorageClient, storageConfig } from "@/lib/storage/client";
import { logoPrefix, newObjectKey, projectPrefix } from "@/lib/storage/keys";
import {
  confirmLogoAction,
  prepareLogoAction,
  removeLogoAction,
} from "@/lib/organizations/actions";
import { addMember } from "./world";
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

/** A download: the body is the data (a foreign marker in it is a leak). */
async function fromDownload(response: Response): Promise<Outcome> {
  const text = await response.text();
  return { ok: response.ok, status: response.status, data: response.ok ? text : undefined };
}

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

/** The /api/v1 body is the data itself. */
async function fromV1(response: Response): Promise<Outcome> {
  const text = await response.text();
  return { ok: response.ok, status: response.status, data: response.ok ? text : undefined };
}

const v1Params = (id: string) => ({ params: Promise.resolve({ id }) });

const marker = () => `marker-${randomBytes(6).toString("hex")}`;

async function aProject(admin: Database, world: World, org: OrgKey) {
  const name = marker();
  return world.tenantAdmin[org].project.create({
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

type PrepareEnv = Parameters<Operation["prepare"]>[0];

const storage = storageConfig();
const s3 = storage ? createStorageClient(storage) : undefined;

/** An object in the storage under a project of `org`, as a finished browser upload leaves it. */
async function anUpload(env: PrepareEnv) {
  const p = await aProject(env.admin, env.world, env.org);
  const key = newObjectKey(projectPrefix(env.world.orgs[env.org].id, p.id));
  await s3!.send(
    new PutObjectCommand({
      Bucket: storage!.bucket,
      Key: key,
      Body: p.name,
      ContentType: "text/plain",
    }),
  );
  return { project: p, key };
}

/** A recorded file of `org` (the row where the organization's tenant data lives). */
async function recordedFile(env: PrepareEnv) {
  const { project: p, key } = await anUpload(env);
  const row = await env.world.tenantAdmin[env.org].attachment.create({
    data: {
      organizationId: env.world.orgs[env.org].id,
      projectId: p.id,
      key,
      fileName: `${p.name}.txt`,
      contentType: "text/plain",
      size: p.name.length,
    },
    select: { id: true },
  });
  return { id: row.id, project: p };
}

const attachment = {
  withId: async (env: PrepareEnv): Promise<Prepared> => {
    const { id, project: p } = await recordedFile(env);
    return { input: { id }, marker: p.name };
  },
  /** The file's address on its project's page: the project's id and the file's. */
  atItsAddress: async (env: PrepareEnv): Promise<Prepared> => {
    const { id, project: p } = await recordedFile(env);
    return { input: { id, projectId: p.id }, marker: p.name };
  },
  toSign: async (env: PrepareEnv): Promise<Prepared> => {
    const p = await aProject(env.admin, env.world, env.org);
    return {
      input: { projectId: p.id, fileName: "notes.txt", contentType: "text/plain", size: 5 },
      marker: p.id,
    };
  },
  uploaded: async (env: PrepareEnv): Promise<Prepared> => {
    const { project: p, key } = await anUpload(env);
    return { input: { projectId: p.id, key, fileName: "notes.txt" }, marker: p.name };
  },
};

async function anInvitation({ admin, world, org }: PrepareEnv) {
  const email = `${marker()}@example.test`;
  return admin.invitation.create({
    data: {
      organizationId: world.orgs[org].id,
      email,
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: world.users.ownerA.id,
    },
    select: { id: true, email: true },
  });
}

const member = {
  withId: async (env: PrepareEnv): Promise<Prepared> => {
    const m = await addMember(env.admin, env.world, env.org);
    return { input: { membershipId: m.membershipId }, marker: m.email };
  },
  promoted: async (env: PrepareEnv): Promise<Prepared> => {
    const m = await addMember(env.admin, env.world, env.org);
    return { input: { membershipId: m.membershipId, role: "ADMIN" }, marker: m.email };
  },
  listed: async (env: PrepareEnv): Promise<Prepared> => {
    const m = await addMember(env.admin, env.world, env.org);
    return { input: {}, marker: m.email };
  },
};

const invitation = {
  withId: async (env: PrepareEnv): Promise<Prepared> => {
    const i = await anInvitation(env);
    return { input: { invitationId: i.id }, marker: i.email };
  },
  listed: async (env: PrepareEnv): Promise<Prepared> => {
    const i = await anInvitation(env);
    return { input: {}, marker: i.email };
  },
  created: async (): Promise<Prepared> => ({
    input: { email: `${marker()}@example.test`, role: "MEMBER" },
  }),
};

const organization = {
  renamed: async (): Promise<Prepared> => ({ input: { name: `Renamed ${marker()}` } }),
  // The confirmation names the organization of the host the request goes to.
  confirmed: async ({ world, org }: PrepareEnv): Promise<Prepared> => ({
    input: { confirmSlug: world.orgs[org].slug },
  }),
};

/** An entry in the organization's log, and someone's account-level entry outside any. */
async function auditEntries({ admin, world, org }: PrepareEnv): Promise<Prepared> {
  const m = marker();
  await world.tenantAdmin[org].auditLog.create({
    data: { organizationId: world.orgs[org].id, action: "project.created", metadata: { name: m } },
  });
  await admin.auditLog.createMany({
    data: [
      // Someone's sign-in belongs to no organization's log, whatever the scope shows.
      {
        organizationId: null,
        actorId: world.users.ownerB.id,
        action: "auth.sign_in",
        metadata: { name: m },
      },
    ],
  });
  return { input: {}, marker: m };
}

const apiKey = {
  withId: async ({ admin, world, org }: PrepareEnv): Promise<Prepared> => {
    const secret = generateApiKey("test");
    const name = marker();
    const key = await admin.apiKey.create({
      data: {
        organizationId: world.orgs[org].id,
        name,
        prefix: displayPrefixOf(secret),
        keyHash: hashApiKey(secret),
        scopes: ["projects:read"],
      },
      select: { id: true },
    });
    return { input: { id: key.id, scopes: ["projects:read", "members:read"] }, marker: name };
  },
  created: async (): Promise<Prepared> => ({
    input: { name: marker(), scopes: ["projects:read"] },
  }),
};

const billing = {
  // Billing acts on the host's organization as a whole; the plan is the only input.
  plan: async (): Promise<Prepared> => ({ input: { plan: "pro", interval: "month" } }),
  none: async (): Promise<Prepared> => ({ input: {} }),
};

export const operations: Operation[] = [
  // Billing: Stripe is the local emulator the integration setup starts.
  {
    name: "billing.checkout",
    kind: "create",
    permission: "billing:manage",
    targetsObject: false,
    prepare: billing.plan,
    call: async (i) => fromResult(await startCheckoutAction(i)),
  },
  {
    name: "billing.portal",
    kind: "read",
    permission: "billing:manage",
    targetsObject: false,
    prepare: billing.none,
    call: async (i) => fromResult(await openPortalAction(i)),
  },
  {
    name: "billing.preview_change",
    kind: "read",
    permission: "billing:manage",
    targetsObject: false,
    prepare: billing.plan,
    call: async (i) => fromResult(await previewPlanChangeAction(i)),
  },
  {
    name: "billing.change_plan",
    kind: "update",
    permission: "billing:manage",
    targetsObject: false,
    prepare: billing.plan,
    call: async (i) => fromResult(await changePlanAction(i)),
  },
  {
    name: "billing.cancel",
    kind: "update",
    permission: "billing:manage",
    targetsObject: false,
    prepare: billing.none,
    call: async (i) => fromResult(await cancelSubscriptionAction(i)),
  },
  {
    name: "billing.resume",
    kind: "update",
    permission: "billing:manage",
    targetsObject: false,
    prepare: billing.none,
    call: async (i) => fromResult(await resumeSubscriptionAction(i)),
  },
  // Organization settings: they act on the host's organization as a whole.
  {
    name: "organization.update",
    kind: "update",
    permission: "org:update",
    targetsObject: false,
    prepare: organization.renamed,
    call: async (i) => fromResult(await updateOrganizationAction(i)),
  },
  {
    name: "organization.delete",
    kind: "delete",
    permission: "org:delete",
    targetsObject: false,
    prepare: organization.confirmed,
    call: async (i) => fromResult(await deleteOrganizationAction(i)),
  },
  {
    name: "organization.transfer",
    kind: "update",
    permission: "org:transfer",
    targetsObject: true,
    prepare: member.withId,
    call: async (i) => fromResult(await transferOwnershipAction(i)),
  },
  {
    name: "onboarding.dismiss",
    kind: "update",
    permission: "org:update",
    targetsObject: false,
    prepare: async () => ({ input: {} }),
    call: async (i) => fromResult(await dismissChecklistAction(i)),
  },
  // Members.
  {
    name: "member.list",
    kind: "list",
    permission: "members:read",
    targetsObject: false,
    prepare: member.listed,
    call: async (i) => fromResult(await listMembersAction(i)),
  },
  {
    name: "member.change_role",
    kind: "update",
    permission: "roles:change",
    targetsObject: true,
    prepare: member.promoted,
    call: async (i) => fromResult(await changeRoleAction(i)),
  },
  {
    name: "member.remove",
    kind: "delete",
    permission: "members:remove",
    targetsObject: true,
    prepare: member.withId,
    call: async (i) => fromResult(await removeMemberAction(i)),
  },
  {
    name: "member.leave",
    kind: "delete",
    permission: "members:read",
    targetsObject: false,
    prepare: async () => ({ input: {} }),
    call: async (i) => fromResult(await leaveOrganizationAction(i)),
  },
  // The audit log.
  {
    name: "audit.list",
    kind: "list",
    permission: "audit:read",
    targetsObject: false,
    prepare: async (env) => auditEntries(env),
    call: async (i) => fromResult(await listAuditLogAction(i)),
  },
  {
    name: "audit.export",
    kind: "list",
    permission: "audit:read",
    targetsObject: false,
    prepare: async (env) => auditEntries(env),
    call: async (i) => fromResult(await exportAuditLogAction(i)),
  },
  {
    name: "GET /api/audit/export",
    kind: "list",
    permission: "audit:read",
    targetsObject: false,
    prepare: async (env) => auditEntries(env),
    call: async () =>
      fromDownload(await auditExportApi.GET(apiRequest("GET", "/api/audit/export"))),
  },
  // Invitations.
  {
    name: "invitation.list",
    kind: "list",
    permission: "members:invite",
    targetsObject: false,
    prepare: invitation.listed,
    call: async (i) => fromResult(await listInvitationsAction(i)),
  },
  {
    name: "invitation.create",
    kind: "create",
    permission: "members:invite",
    targetsObject: false,
    prepare: invitation.created,
    call: async (i) => fromResult(await inviteMemberAction(i)),
  },
  {
    name: "invitation.create_many",
    kind: "create",
    permission: "members:invite",
    targetsObject: false,
    prepare: async () => ({
      input: { emails: `${marker()}@example.test`, role: "MEMBER" },
    }),
    call: async (i) => fromResult(await inviteMembersAction(i)),
  },
  {
    name: "invitation.resend",
    kind: "update",
    permission: "members:invite",
    targetsObject: true,
    prepare: invitation.withId,
    call: async (i) => fromResult(await resendInvitationAction(i)),
  },
  {
    name: "invitation.revoke",
    kind: "delete",
    permission: "members:invite",
    targetsObject: true,
    prepare: invitation.withId,
    call: async (i) => fromResult(await revokeInvitationAction(i)),
  },
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
  {
    name: "attachment.prepare_upload",
    kind: "create",
    permission: "projects:write",
    targetsObject: true,
    prepare: attachment.toSign,
    call: async (i) => fromResult(await prepareAttachmentUploadAction(i)),
  },
  {
    name: "attachment.confirm",
    kind: "create",
    permission: "projects:write",
    targetsObject: true,
    prepare: attachment.uploaded,
    call: async (i) => fromResult(await confirmAttachmentAction(i)),
  },
  {
    name: "attachment.download",
    kind: "read",
    permission: "projects:read",
    targetsObject: true,
    prepare: attachment.withId,
    call: async (i) => fromResult(await attachmentDownloadAction(i)),
  },
  {
    name: "attachment.delete",
    kind: "delete",
    permission: "projects:write",
    targetsObject: true,
    prepare: attachment.withId,
    call: async (i) => fromResult(await deleteAttachmentAction(i)),
  },
  {
    // The download link of the project page: a member is redirected to the signed URL.
    name: "GET /projects/[id]/files/[fileId]",
    kind: "read",
    permission: "projects:read",
    targetsObject: true,
    prepare: attachment.atItsAddress,
    call: async (i) => {
      const { id, projectId } = i as { id: string; projectId: string };
      const response = await attachmentRoute(new Request("http://localhost/"), {
        params: Promise.resolve({ id: projectId, fileId: id }),
      });
      return {
        ok: response.status === 303,
        status: response.status === 303 ? 200 : response.status,
      };
    },
  },
  {
    name: "organization.prepare_logo",
    kind: "update",
    permission: "org:update",
    targetsObject: false,
    prepare: async () => ({ input: { fileName: "logo.png", contentType: "image/png", size: 10 } }),
    call: async (i) => fromResult(await prepareLogoAction(i)),
  },
  {
    name: "organization.confirm_logo",
    kind: "update",
    permission: "org:update",
    targetsObject: false,
    prepare: async ({ world, org }) => {
      const key = newObjectKey(logoPrefix(world.orgs[org].id));
      await s3!.send(
        new PutObjectCommand({
          Bucket: storage!.bucket,
          Key: key,
          Body: "png",
          ContentType: "image/png",
        }),
      );
      return { input: { key, fileName: "logo.png" } };
    },
    call: async (i) => fromResult(await confirmLogoAction(i)),
  },
  {
    name: "organization.remove_logo",
    kind: "update",
    permission: "org:update",
    targetsObject: false,
    prepare: async ({ admin, world, org }) => {
      const key = newObjectKey(logoPrefix(world.orgs[org].id));
      await admin.organization.update({
        where: { id: world.orgs[org].id },
        data: { logoKey: key },
      });
      return { input: {} };
    },
    call: async (i) => fromResult(await removeLogoAction(i)),
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
  // The same data through /api/v1, where only the bearer key counts.
  {
    name: "GET /api/v1/projects",
    kind: "list",
    permission: "projects:read",
    bearer: "projects:read",
    targetsObject: false,
    prepare: project.listed,
    call: async () => fromV1(await v1Projects.GET(apiRequest("GET", "/api/v1/projects"))),
  },
  {
    name: "POST /api/v1/projects",
    kind: "create",
    permission: "projects:write",
    bearer: "projects:write",
    targetsObject: false,
    prepare: project.created,
    call: async (i) => fromV1(await v1Projects.POST(apiRequest("POST", "/api/v1/projects", i))),
  },
  {
    name: "GET /api/v1/projects/[id]",
    kind: "read",
    permission: "projects:read",
    bearer: "projects:read",
    targetsObject: true,
    prepare: project.withId,
    call: async (i) => {
      const { id } = i as { id: string };
      return fromV1(await v1Project.GET(apiRequest("GET", `/api/v1/projects/${id}`), v1Params(id)));
    },
  },
  {
    name: "PATCH /api/v1/projects/[id]",
    kind: "update",
    permission: "projects:write",
    bearer: "projects:write",
    targetsObject: true,
    prepare: project.withEdit,
    call: async (i) => {
      const { id, ...body } = i as { id: string };
      const request = apiRequest("PATCH", `/api/v1/projects/${id}`, body);
      return fromV1(await v1Project.PATCH(request, v1Params(id)));
    },
  },
  {
    name: "DELETE /api/v1/projects/[id]",
    kind: "delete",
    permission: "projects:write",
    bearer: "projects:write",
    targetsObject: true,
    prepare: project.withId,
    call: async (i) => {
      const { id } = i as { id: string };
      const request = apiRequest("DELETE", `/api/v1/projects/${id}`);
      return fromV1(await v1Project.DELETE(request, v1Params(id)));
    },
  },
  {
    name: "GET /api/v1/organization",
    kind: "read",
    permission: "projects:read",
    bearer: "organization:read",
    targetsObject: false,
    prepare: async ({ world, org }) => ({ input: {}, marker: world.orgs[org].name }),
    call: async () => fromV1(await v1Organization.GET(apiRequest("GET", "/api/v1/organization"))),
  },
  {
    name: "GET /api/v1/members",
    kind: "list",
    permission: "members:read",
    bearer: "members:read",
    targetsObject: false,
    prepare: member.listed,
    call: async () => fromV1(await v1Members.GET(apiRequest("GET", "/api/v1/members"))),
  },
  // Managing keys is for owners and admins of the host's organization.
  {
    name: "api_key.create",
    kind: "create",
    permission: "org:update",
    targetsObject: false,
    prepare: apiKey.created,
    call: async (i) => fromResult(await createApiKeyAction(i)),
  },
  {
    name: "api_key.revoke",
    kind: "update",
    permission: "org:update",
    targetsObject: true,
    prepare: async (env) => {
      const prepared = await apiKey.withId(env);
      return { ...prepared, input: { id: (prepared.input as { id: string }).id } };
    },
    call: async (i) => fromResult(await revokeApiKeyAction(i)),
  },
  {
    name: "api_key.change_scopes",
    kind: "update",
    permission: "org:update",
    targetsObject: true,
    prepare: apiKey.withId,
    call: async (i) => fromResult(await changeApiKeyScopesAction(i)),
  },
];

/** Route files the operations above call, checked against app/api by the coverage test. */
export const routeFiles: Record<string, string[]> = {
  "app/api/audit/export/route.ts": ["GET /api/audit/export"],
  "app/api/projects/route.ts": ["GET /api/projects", "POST /api/projects"],
  "app/api/projects/[id]/route.ts": [
    "GET /api/projects/[id]",
    "PATCH /api/projects/[id]",
    "DELETE /api/projects/[id]",
  ],
  "app/api/v1/projects/route.ts": ["GET /api/v1/projects", "POST /api/v1/projects"],
  "app/api/v1/projects/[id]/route.ts": [
    "GET /api/v1/projects/[id]",
    "PATCH /api/v1/projects/[id]",
    "DELETE /api/v1/projects/[id]",
  ],
  "app/api/v1/organization/route.ts": ["GET /api/v1/organization"],
  "app/api/v1/members/route.ts": ["GET /api/v1/members"],
};
