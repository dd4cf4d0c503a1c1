import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { billingSnapshot, effectivePlan } from "@/lib/billing/plans/entitlements";
import { inOrganization, type ScopedDb } from "@/lib/db/tenant";
import { samplesWithin } from "./samples";

type Creator = { userId: string; ipAddress: string | null; userAgent: string | null };

// In the caller's transaction, so they exist exactly when the organization does; the routed
// `tx.project` puts them wherever the organization's tenant data lives.
export async function createSampleProjects(
  tx: ScopedDb,
  organizationId: string,
  creator: Creator,
): Promise<number> {
  const plan = effectivePlan(await billingSnapshot(tx, organizationId));
  const existing = await tx.project.count({ where: inOrganization(organizationId) });
  const samples = samplesWithin(plan.entitlements.projects, existing);
  for (const sample of samples) {
    const project = await tx.project.create({
      data: {
        organizationId,
        name: sample.name,
        description: sample.description,
        createdById: creator.userId,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      action: "project.created",
      actorId: creator.userId,
      organizationId,
      targetType: "project",
      targetId: project.id,
      ipAddress: creator.ipAddress,
      userAgent: creator.userAgent,
      metadata: { name: project.name, sample: true },
    });
  }
  return samples.length;
}
