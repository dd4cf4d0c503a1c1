import "server-only";

import type { ApiKeyCaller } from "@/lib/api-keys/verify";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { requireProjectCapacity, requireWritable } from "@/lib/billing/plans/entitlements";
import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { BadRequestError } from "@/lib/errors";
import { queueProjectFileDeletion } from "@/lib/projects/file-cleanup";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClientInfo } from "@/lib/http/client-info";
import type {
  CreateProject,
  Project,
  ProjectList,
  ProjectListQuery,
  UpdateProject,
} from "./schemas";

// The projects data layer as a key sees it: no person acts, so the audit entry names the key
// ("keyId": a key named like "apiKeyId" would be dropped as a secret by lib/audit).

const fields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ProjectSelect;

type Row = Prisma.ProjectGetPayload<{ select: typeof fields }>;

export function toProject(row: Row): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// The cursor is the last item's (createdAt, id), opaque to clients.
function encodeCursor(row: Row): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new BadRequestError({ cursor: "This cursor is not valid." });
  }
  return { createdAt, id };
}

export type Actor = { caller: ApiKeyCaller; client: ClientInfo };

function audit(tx: ScopedDb, actor: Actor, action: AuditAction, id: string, name: string) {
  return recordAudit(tx, {
    action,
    actorId: null,
    organizationId: actor.caller.organization.id,
    targetType: "project",
    targetId: id,
    ipAddress: actor.client.ipAddress,
    userAgent: actor.client.userAgent,
    metadata: { name, via: "api", keyId: actor.caller.keyId },
  });
}

export async function listApiProjects(
  organizationId: string,
  { cursor, limit, name }: ProjectListQuery,
): Promise<ProjectList> {
  const after = cursor ? decodeCursor(cursor) : null;
  const where: Prisma.ProjectWhereInput = {
    ...inOrganization(organizationId),
    ...(name ? { name: { contains: name, mode: "insensitive" } } : {}),
    ...(after
      ? {
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await withTenant(organizationId, (tx) =>
    tx.project.findMany({
      where,
      select: fields,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(toProject),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

export async function getApiProject(organizationId: string, id: string): Promise<Project | null> {
  const row = await withTenant(organizationId, (tx) =>
    tx.project.findFirst({ where: { id, ...inOrganization(organizationId) }, select: fields }),
  );
  return row ? toProject(row) : null;
}

export async function createApiProject(actor: Actor, input: CreateProject): Promise<Project> {
  const organizationId = actor.caller.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireProjectCapacity(tx, organizationId);
    const row = await tx.project.create({
      data: { organizationId, name: input.name, description: input.description || null },
      select: fields,
    });
    await audit(tx, actor, "project.created", row.id, row.name);
    return toProject(row);
  });
}

export async function updateApiProject(
  actor: Actor,
  id: string,
  input: UpdateProject,
): Promise<Project | null> {
  const organizationId = actor.caller.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const { count } = await tx.project.updateMany({
      where: { id, ...inOrganization(organizationId) },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
      },
    });
    if (count === 0) return null;
    const row = await tx.project.findFirstOrThrow({
      where: { id, ...inOrganization(organizationId) },
      select: fields,
    });
    await audit(tx, actor, "project.updated", id, row.name);
    return toProject(row);
  });
}

export async function deleteApiProject(actor: Actor, id: string): Promise<boolean> {
  const organizationId = actor.caller.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const row = await tx.project.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: { name: true },
    });
    if (!row) return false;
    await tx.project.deleteMany({ where: { id, ...inOrganization(organizationId) } });
    await queueProjectFileDeletion(tx, organizationId, id);
    await audit(tx, actor, "project.deleted", id, row.name);
    return true;
  });
}
