import "server-only";

import { withTenant } from "@/lib/db/tenant";
import { stripe } from "./client";
import { localSubscription } from "../subscription/subscription";

type Organization = { id: string; slug: string; name: string };

// One customer per organization: the idempotency key gives concurrent first clicks the same
// customer, and the row is only filled while still empty.
export async function ensureCustomer(organization: Organization, email?: string): Promise<string> {
  const existing = await localSubscription(organization.id);
  if (existing?.stripeCustomerId) return existing.stripeCustomerId;

  const customer = await stripe().customers.create(
    {
      name: organization.name,
      ...(email ? { email } : {}),
      metadata: { organizationId: organization.id, slug: organization.slug },
    },
    { idempotencyKey: `keel-customer-${organization.id}` },
  );
  return withTenant(organization.id, async (tx) => {
    const row = await tx.subscription.upsert({
      where: { organizationId: organization.id },
      create: { organizationId: organization.id, stripeCustomerId: customer.id },
      update: {},
      select: { id: true, stripeCustomerId: true },
    });
    if (row.stripeCustomerId) return row.stripeCustomerId;
    await tx.subscription.update({
      where: { id: row.id },
      data: { stripeCustomerId: customer.id },
    });
    return customer.id;
  });
}
