import { createHash } from "node:crypto";

// Derived from the request and the state it starts from: a double click shares the key (one
// session, one change), while a new request gets a new one, since Stripe refuses a key reused with
// other parameters and would otherwise replay an old answer for 24 hours.
export function idempotencyKey(operation: string, ...parts: unknown[]): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
  return `keel-${operation}-${digest}`;
}
