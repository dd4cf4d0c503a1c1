import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import { stripe } from "../stripe/client";
import { idempotencyKey } from "../stripe/idempotency";
import {
  applyFromStripe,
  localSubscription,
  requireLiveSubscription,
} from "../subscription/subscription";
import { auditBillingChange } from "./owner-audit";

export async function setCancelAtPeriodEnd(
  ctx: MemberContext,
  cancel: boolean,
): Promise<{ cancelAtPeriodEnd: boolean }> {
  const subscriptionId = await requireLiveSubscription(ctx.organization.id);
  const version = (await localSubscription(ctx.organization.id))?.updatedAt.toISOString() ?? null;
  const updated = await stripe().subscriptions.update(
    subscriptionId,
    { cancel_at_period_end: cancel },
    { idempotencyKey: idempotencyKey("cancel-at-period-end", subscriptionId, cancel, version) },
  );
  await applyFromStripe(ctx.organization.id, updated);
  await auditBillingChange(
    ctx,
    cancel ? "billing.cancellation_scheduled" : "billing.cancellation_withdrawn",
    {
      subscription: subscriptionId,
    },
  );
  return { cancelAtPeriodEnd: cancel };
}
