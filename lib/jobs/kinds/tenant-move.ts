import "server-only";

import { z } from "zod";
import { recordStaffAudit } from "@/lib/admin/audit";
import { withScope, withTenant } from "@/lib/db/tenant";
import { moveOrganization } from "@/lib/db/tenant-databases/move";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { defineJob, PermanentJobError } from "../define";

// Started from the operator console (lib/admin/organizations/tenant-database.ts). Not retried:
// a failed move leaves the organization where it was, and the operator decides what next.
export const tenantMoveJob = defineJob({
  kind: "tenant-move",
  payload: z.object({
    organizationId: z.string().min(1),
    to: z.string().min(1),
    actorId: z.string().min(1),
    reason: z.string(),
  }),
  maxAttempts: 1,
  concurrency: 1,
  handler: async ({ organizationId, to, actorId, reason }) => {
    const org = await withScope({ platformRead: true }, (tx) =>
      tx.organization.findUnique({ where: { id: organizationId }, select: { slug: true } }),
    );
    if (!org) throw new PermanentJobError("The organization no longer exists.");
    const mainUrl = env.DIRECT_URL || env.DATABASE_URL;
    if (!mainUrl) throw new PermanentJobError("DATABASE_URL is not set.");
    const started = Date.now();
    let outcome: { ok: true; from: string; rows: number } | { ok: false; error: string };
    try {
      const report = await moveOrganization({
        mainUrl,
        slug: org.slug,
        to,
        log: (line) => logger.info({ organizationId }, `[tenant-move] ${line}`),
      });
      outcome = {
        ok: true,
        from: report.from,
        rows: report.tables.reduce((sum, table) => sum + table.rows, 0),
      };
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    // In the organization's log, wherever it now lives.
    await withTenant(organizationId, (tx) =>
      recordStaffAudit(
        tx,
        { userId: actorId, client: { ipAddress: null, userAgent: null } },
        {
          action: outcome.ok ? "staff.tenant_move_finished" : "staff.tenant_move_failed",
          reason,
          organizationId,
          targetType: "organization",
          targetId: organizationId,
          metadata: { to, ms: Date.now() - started, ...outcome },
        },
      ),
    );
    if (!outcome.ok) throw new PermanentJobError(outcome.error);
  },
});
