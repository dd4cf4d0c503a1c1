import Stripe from "stripe";
import { processStripeEvent } from "@/lib/billing/events/process";
import { webhookSecret } from "@/lib/billing/stripe/client";
import { withOutboxDelivery } from "@/lib/outbox/after-response";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

/** Stripe's own default: a signature older than this is a replay. */
const TOLERANCE_SECONDS = 300;

/**
 * POST /api/webhooks/stripe — Stripe (or the local emulator) reports billing changes.
 *
 * The signature is checked against the raw body exactly as it arrived (`request.text()`;
 * parsing and re-serializing would change the bytes), with a 300 s tolerance. Anything
 * that fails it gets 400 and nothing is written. A verified event is processed once by
 * its id (lib/billing/events/process.ts) and acknowledged with 200 — including event types
 * the app does not handle and customers it does not know, which Stripe would otherwise
 * retry for days. A failure on our side answers 503 so Stripe retries; the event is also kept
 * (StripeEventFailure) so staff can retry or discard it from /admin/jobs.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = webhookSecret();
  if (!secret) {
    return Response.json({ error: "Stripe webhooks are not configured." }, { status: 503 });
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) {
    return Response.json({ error: "Missing Stripe-Signature header." }, { status: 400 });
  }
  const body = await request.text();

  let event: Stripe.Event;
  try {
    event = await Stripe.webhooks.constructEventAsync(body, signature, secret, TOLERANCE_SECONDS);
  } catch {
    return Response.json({ error: "The signature does not match this payload." }, { status: 400 });
  }

  try {
    // The emails an applied event queued go out after the response.
    const result = await withOutboxDelivery(() => processStripeEvent(event));
    return Response.json({ received: true, outcome: result.outcome });
  } catch (error) {
    logger.error({ err: error }, `[stripe] ${event.id}: ${event.type} failed; Stripe will retry`);
    return Response.json({ error: "The event could not be processed." }, { status: 503 });
  }
}
