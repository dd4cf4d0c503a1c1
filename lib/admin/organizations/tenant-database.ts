import "server-only";

import { withScope } from "@/lib/db/tenant";
import { movingSince } from "@/lib/db/tenant-databases/moving";
import { ExpectedError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { recordStaffAudit } from "../audit";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";

/** The pool: the main database every organization starts in. */
export const POOL = "pool";

export type TenantPlacementView = {
  /** null: the pool. */
  database: { id: string; name: string } | null;
  movingSince: Date | null;
  /** Registered databases that take organizations, for the move form. */
  targets: { id: string; name: string }[];
};

/** Where an organization's projects and audit log live, for the console's organization page. */
export async function tenantPlacement(organizationId: string): Promise<TenantPlacementView | null> {
  return withScope({ platformRead: true }, async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { tenantDatabase: { select: { id: true, name: true } } },
    });
    if (!org) return null;
    const targets = await tx.tenantDatabase.findMany({
      where: { status: "ACTIVE" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    return {
      database: org.tenantDatabase,
      movingSince: await movingSince(tx, organizationId),
      targets,
    };
  });
}

/**
 * Queues a move (lib/jobs/kinds/tenant-move.ts): it takes seconds, longer than a request should
 * wait. Checked here so the form says what is wrong; the move checks again when it runs.
 */
export async function startTenantMove(
  ctx: StaffWriter,
  input: { organizationId: string; to: string; reason: string },
): Promise<{ jobId: string; to: string }> {
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    const current = await tx.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { tenantDatabase: { select: { name: true } } },
    });
    if (input.to !== POOL) {
      const target = await tx.tenantDatabase.findUnique({
        where: { name: input.to },
        select: { status: true },
      });
      if (!target || target.status !== "ACTIVE")
        throw new ExpectedError("Choose a registered database that takes organizations.", 422);
    }
    if ((current.tenantDatabase?.name ?? POOL) === input.to)
      throw new ExpectedError(`${org.name} already lives there.`, 409);
    if (await movingSince(tx, org.id))
      throw new ExpectedError(`${org.name} is already being moved.`, 409);
    const jobId = await enqueueJob(tx, "tenant-move", {
      organizationId: org.id,
      to: input.to,
      actorId: ctx.userId,
      reason: input.reason,
    });
    await recordStaffAudit(tx, ctx, {
      action: "staff.tenant_move_started",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: { from: current.tenantDatabase?.name ?? POOL, to: input.to, jobId },
    });
    return { jobId, to: input.to };
  });
}
