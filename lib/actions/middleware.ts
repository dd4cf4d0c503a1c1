import "server-only";

import { PasswordWorkOverloadedError } from "@/lib/auth/password";
import { requireRecentAuthentication } from "@/lib/auth/recent-authentication";
import type { Feature } from "@/lib/billing/plans/plans";
import { requireEntitlement } from "@/lib/billing/plans/entitlements";
import { withTenant } from "@/lib/db/tenant";
import { consumeRateLimit, type RateLimitPolicy } from "@/lib/rate-limit";
import { rateLimitError } from "@/lib/rate-limit/response";
import type { AuthenticatedContext, MemberContext, Middleware } from "./chain";

export function rateLimit<I, C>(
  policy: RateLimitPolicy,
  key: (input: I, ctx: C) => string,
): Middleware<I, C> {
  return async (input, ctx, next) => {
    const limit = await consumeRateLimit(policy, key(input, ctx));
    if (!limit.ok) throw rateLimitError(limit);
    return next();
  };
}

// After the context and input checks, so a caller without the permission learns only "forbidden".
export function recentAuthentication<
  I,
  C extends Pick<AuthenticatedContext, "userId" | "session">,
>(): Middleware<I, C> {
  return async (_input, ctx, next) => {
    await requireRecentAuthentication({ userId: ctx.userId, sessionId: ctx.session.sessionId });
    return next();
  };
}

export function planFeature<I, C extends MemberContext>(feature: Feature): Middleware<I, C> {
  return async (_input, ctx, next) => {
    await withTenant(ctx.organization.id, (tx) =>
      requireEntitlement(tx, ctx.organization.id, feature),
    );
    return next();
  };
}

// Answered like a rate-limit store that is down (503, Retry-After), before anything is stored.
export function shedPasswordWork<I, C>(): Middleware<I, C> {
  return async (_input, _ctx, next) => {
    try {
      return await next();
    } catch (error) {
      if (!(error instanceof PasswordWorkOverloadedError)) throw error;
      throw rateLimitError({
        ok: false,
        reason: "unavailable",
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
  };
}
