import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import { tenantUrl } from "@/lib/tenancy/host";

// Callers are actions with billing:manage: the organization and actor come from the membership.

export const billingPage = (slug: string, query = "") =>
  tenantUrl(slug, `/settings/billing${query}`, { appUrl: env.appUrl, rootDomain: env.rootDomain });

export function auditBillingChange(
  ctx: MemberContext,
  action: AuditAction,
  metadata: Record<string, string | boolean>,
) {
  return withTenant(ctx.organization.id, (tx) =>
    recordAudit(tx, {
      action,
      actorId: ctx.userId,
      organizationId: ctx.organization.id,
      targetType: "subscription",
      ipAddress: ctx.client.ipAddress,
      userAgent: ctx.client.userAgent,
      metadata,
    }),
  );
}
