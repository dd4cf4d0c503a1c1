/**
 * Shapes of real credentials: Stripe secret and restricted keys, webhook signing
 * secrets, Resend API keys. Long enough that the fake values in tests and docs
 * (`sk_test_emulator`, `whsec_x`) do not match.
 */
const patterns = [
  /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{20,}\b/g,
  /\bwhsec_[0-9A-Za-z+/=]{24,}\b/g,
  /\bre_[0-9A-Za-z]{8}_[0-9A-Za-z]{20,}\b/g,
];

export function secretsIn(text: string): string[] {
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}
