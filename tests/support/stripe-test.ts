import Stripe from "stripe";

/**
 * Stripe in integration tests: the emulator that tests/support/stripe-setup.ts started,
 * and webhook deliveries signed the way Stripe signs them.
 */

export function emulatorUrl(): string {
  const url = process.env.STRIPE_API_BASE;
  if (!url)
    throw new Error("STRIPE_API_BASE is not set: is tests/support/stripe-setup.ts a global setup?");
  return url;
}

export function webhookSecretForTests(): string {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set.");
  return secret;
}

/** A Stripe client of the test's own, for arranging state the app then reads. */
export function emulatorClient(): Stripe {
  const url = new URL(emulatorUrl());
  return new Stripe("sk_test_emulator", {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
  });
}

/** Presses "Pay" on the emulator's checkout page. */
export async function payCheckout(checkoutUrl: string): Promise<Response> {
  const id = new URL(checkoutUrl).pathname.split("/").pop();
  return fetch(`${emulatorUrl()}/checkout/${id}/pay`, { method: "POST", redirect: "manual" });
}

/** One of the emulator's test controls, e.g. `fail_renewal` for a subscription. */
export async function emulatorControl(subscriptionId: string, action: string): Promise<void> {
  const response = await fetch(
    `${emulatorUrl()}/_emulator/subscriptions/${subscriptionId}/${action}`,
    {
      method: "POST",
      redirect: "manual",
    },
  );
  if (response.status >= 400)
    throw new Error(`${action}: ${response.status} ${await response.text()}`);
}

/** Events the emulator recorded about one customer, oldest first. */
export async function eventsOf(customerId: string): Promise<Stripe.Event[]> {
  const found: Stripe.Event[] = [];
  for await (const event of emulatorClient().events.list({ limit: 100 })) {
    const object = event.data.object as { customer?: string | { id: string } | null; id?: string };
    const customer = typeof object.customer === "string" ? object.customer : object.customer?.id;
    if (customer === customerId || object.id === customerId) found.push(event);
  }
  return found.sort((a, b) => a.created - b.created);
}

export type SignOptions = { secret?: string; timestamp?: number; signature?: string };

/** A POST to /api/webhooks/stripe carrying `payload` with a Stripe-Signature header. */
export function signedRequest(payload: string, options: SignOptions = {}): Request {
  const signature =
    options.signature ??
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? webhookSecretForTests(),
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    });
  return new Request("http://localhost:3000/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
}

/** An event as Stripe would send it about `object`, with an id of its own. */
export function eventAbout<T extends { id?: string }>(
  type: string,
  object: T,
  extra: { id?: string; created?: number; previous?: Record<string, unknown> } = {},
): Stripe.Event {
  return {
    id: extra.id ?? `evt_test_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: extra.created ?? Math.floor(Date.now() / 1000),
    data: { object, ...(extra.previous ? { previous_attributes: extra.previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}
