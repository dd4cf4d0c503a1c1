import { createHash } from "node:crypto";

/**
 * An idempotency key for a Stripe request that changes something, derived from what it
 * asks for and the state it starts from. Two requests for the same thing from the same
 * state (a double click, two owners on the billing page at once) share the key, so
 * Stripe does the work once and both get the same answer: one Checkout session, one
 * plan change. A different request, or the same one after the state has moved on, gets a
 * new key, since Stripe refuses a key reused with other parameters and would otherwise
 * replay an old answer for 24 hours.
 */
export function idempotencyKey(operation: string, ...parts: unknown[]): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
  return `keel-${operation}-${digest}`;
}
