import "server-only";

import { inOrganization, inOrganizationSql, utcTimestampSql, type ScopedDb } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatAmount, type Plan } from "@/lib/billing/plans/plans";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";
import { reachedThresholds, type UsagePeriod } from "./period";

/** A bigint column "calls", so a larger statement can embed it (lib/org-home/read.ts). */
export function periodCallsSql(organizationId: string, period: UsagePeriod): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(sum("count"), 0)::bigint FROM "UsageCounter"
    WHERE ${inOrganizationSql(organizationId)}
      AND "bucketStart" >= ${utcTimestampSql(period.start)}
      AND "bucketStart" < ${utcTimestampSql(period.end)}) AS "calls"`;
}

export async function periodCalls(
  tx: ScopedDb,
  organizationId: string,
  period: UsagePeriod,
): Promise<number> {
  const [row] = await tx.$queryRaw<{ calls: bigint }[]>`
    SELECT ${periodCallsSql(organizationId, period)}`;
  return Number(row?.calls ?? 0);
}

// Only the highest threshold reached is mailed; dedupe keys send each once per owner and period.
export async function notifyThresholds(
  tx: ScopedDb,
  organizationId: string,
  period: UsagePeriod,
  plan: Plan,
  calls: number,
): Promise<void> {
  const { includedCalls, overagePer1000 } = plan.apiUsage;
  const percent = reachedThresholds(calls, includedCalls).at(-1);
  if (percent === undefined) return;
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, slug: true },
  });
  const owners = await tx.membership.findMany({
    where: { ...inOrganization(organizationId), role: "OWNER" },
    select: { userId: true, user: { select: { email: true } } },
  });
  for (const owner of owners) {
    await enqueueEmail(tx, {
      to: owner.user.email,
      template: "usageThreshold",
      data: {
        organizationName: organization.name,
        planName: plan.name,
        percent,
        calls,
        includedCalls,
        overagePrice:
          overagePer1000 === null ? null : `${formatAmount(overagePer1000)} per 1,000 calls`,
        url: organizationUrl(organization.slug, "/settings/billing"),
      },
      dedupeKey: `usage-${percent}:${organizationId}:${period.key}:${owner.userId}`,
    });
  }
}
