import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { requireProjectCapacity, requireWritable } from "@/lib/billing/plans/entitlements";
import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { queueProjectFileDeletion } from "./file-cleanup";
import { withAuthor } from "./authors";
import { projectFields, type ProjectView } from "./queries";
import type { ProjectInput } from "./schemas";

function audit(
  tx: ScopedDb,
  ctx: MemberContext,
  action: AuditAction,
  projectId: string,
  name: string,
) {
  return recordAudit(tx, {
    action,
    actorId: ctx.userId,
    organizationId: ctx.organization.id,
    targetType: "project",
    targetId: projectId,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
    metadata: { name },
  });
}

export async function createProject(ctx: MemberContext, input: ProjectInput): Promise<ProjectView> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireProjectCapacity(tx, organizationId);
    const project = await tx.project.create({
      data: {
        organizationId,
        name: input.name,
        description: input.description ?? null,
        createdById: ctx.userId,
      },
      select: projectFields,
    });
    await audit(tx, ctx, "project.created", project.id, project.name);
    return withAuthor(tx, project);
  });
}

// The where names the organization: a foreign id changes nothing and reads as not found.
export async function updateProject(
  ctx: MemberContext,
  id: string,
  input: ProjectInput,
): Promise<ProjectView> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const { count } = await tx.project.updateMany({
      where: { id, ...inOrganization(organizationId) },
      data: {
        name: input.name,
        ...(input.description !== undefined ? { description: input.description } : {}),
      },
    });
    if (count === 0) throw notFound("That project");
    const project = await tx.project.findFirstOrThrow({
      where: { id, ...inOrganization(organizationId) },
      select: projectFields,
    });
    await audit(tx, ctx, "project.updated", id, project.name);
    return withAuthor(tx, project);
  });
}

export async function deleteProject(ctx: MemberContext, id: string): Promise<{ id: string }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const project = await tx.project.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: { name: true },
    });
    if (!project) throw notFound("That project");
    await tx.project.deleteMany({ where: { id, ...inOrganization(organizationId) } });
    await queueProjectFileDeletion(tx, organizationId, id);
    await audit(tx, ctx, "project.deleted", id, project.name);
    return { id };
  });
}
