import "server-only";

import { db } from "@/lib/db";
import { inOrganization, withScope, withTenant } from "@/lib/db/tenant";
import { referrerChain } from "@/lib/referrals/record";
import type { CreditFacts } from "@/lib/referrals/rules";

export type CreditedOrganization = { id: string; name: string; slug: string };

async function customerOf(organizationId: string): Promise<string | null> {
  const row = await withTenant(organizationId, (tx) =>
    tx.subscription.findFirst({
      where: inOrganization(organizationId),
      select: { stripeCustomerId: true },
    }),
  );
  return row?.stripeCustomerId ?? null;
}

// The referrer's oldest owned membership at payment time; null when they own none.
async function creditedOrganizationOf(referrerId: string) {
  const membership = await withScope({ userId: referrerId }, (tx) =>
    tx.membership.findFirst({
      where: { userId: referrerId, role: "OWNER" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        organization: { select: { id: true, name: true, slug: true, referredByUserId: true } },
      },
    }),
  );
  return membership?.organization ?? null;
}

export async function gatherCreditFacts(input: {
  referrerId: string;
  referredOrganizationId: string;
}): Promise<{ facts: CreditFacts; credited: CreditedOrganization | null }> {
  const [chain, referredMembers, referredCustomerId, credited] = await Promise.all([
    referrerChain(db, input.referrerId),
    withTenant(input.referredOrganizationId, (tx) =>
      tx.membership.findMany({
        where: inOrganization(input.referredOrganizationId),
        select: { userId: true },
      }),
    ),
    customerOf(input.referredOrganizationId),
    creditedOrganizationOf(input.referrerId),
  ]);
  const creditedCustomerId = credited ? await customerOf(credited.id) : null;
  return {
    facts: {
      referrerId: input.referrerId,
      referrerChain: chain,
      referredOrganizationId: input.referredOrganizationId,
      referredMemberIds: referredMembers.map((member) => member.userId),
      referredCustomerId,
      credited: credited
        ? {
            organizationId: credited.id,
            customerId: creditedCustomerId,
            referredByUserId: credited.referredByUserId,
          }
        : null,
    },
    credited: credited ? { id: credited.id, name: credited.name, slug: credited.slug } : null,
  };
}
