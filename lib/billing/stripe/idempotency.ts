import { createHash } from "node:crypto";

// A double click shares the key (one session, one change); a new request needs a new one, as Stripe
// refuses a key reused with other parameters and would replay an old answer for 24 hours.
export function idempotencyKey(operation: string, ...parts: unknown[]): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
  return `keel-${operation}-${digest}`;
}
