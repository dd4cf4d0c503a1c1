import "server-only";

import { consumeRateLimit, refundRateLimit, type RateLimitRefusal } from "@/lib/rate-limit";

export type SecretCheck = { ok: true } | { ok: false; limited: RateLimitRefusal | null };

// A per-user budget, so a stolen session cannot guess without end. The slot is taken atomically
// before checking; a right answer gives it back, so the owner's own confirmations never use it up.
export async function rateLimitedCheck(
  policy: "currentPassword" | "totpCode",
  userId: string,
  check: () => boolean | Promise<boolean>,
): Promise<SecretCheck> {
  const limit = await consumeRateLimit(policy, userId);
  if (!limit.ok) return { ok: false, limited: limit };
  if (!(await check())) return { ok: false, limited: null };
  await refundRateLimit(policy, userId);
  return { ok: true };
}
