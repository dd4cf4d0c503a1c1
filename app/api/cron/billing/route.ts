import { reconcileBilling } from "@/lib/billing/subscription/reconcile";
import { billingEnabled } from "@/lib/billing/stripe/client";
import { cronRefusal } from "@/lib/http/cron-auth";
import { withOutboxDelivery } from "@/lib/outbox/after-response";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/**
 * Billing reconciliation (lib/billing/subscription/reconcile.ts): re-reads stale subscriptions from
 * Stripe and replays events Stripe could not deliver. Vercel Cron calls it hourly
 * (vercel.json) with the CRON_SECRET bearer token.
 */
async function handle(request: Request): Promise<Response> {
  const refused = cronRefusal(request);
  if (refused) return refused;
  if (!billingEnabled()) return Response.json({ skipped: "billing is not configured" });
  try {
    // Replayed events may queue emails: they go out after the response.
    const result = await withOutboxDelivery(() => reconcileBilling());
    return Response.json(result);
  } catch (error) {
    logger.error({ err: error }, "[billing] reconciliation failed");
    return Response.json({ error: "Billing reconciliation failed." }, { status: 503 });
  }
}

export const GET = handle;
export const POST = handle;
