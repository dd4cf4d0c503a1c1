import "server-only";

import { after } from "next/server";
import { ipRateLimitKey } from "@/lib/http/client-info";
import { redactedError } from "@/lib/http/redact-url";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { consumeRateLimit, type RateLimitPolicy, type RateLimitResult } from "@/lib/rate-limit";
import { PasswordWorkOverloadedError } from "../password";
import type { RequestContext } from "./context";
import { sendMagicLink } from "./magic-link";
import { resetPassword, sendPasswordReset } from "./password-reset";
import {
  emailOnlySchema,
  fieldErrors,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  type FieldErrors,
} from "./schemas";
import { signInWithPassword } from "./sign-in";
import { prepareSignUpBinding, queueSignUp } from "./sign-up";
import { parseInput } from "@/lib/actions/input";
import { logger } from "@/lib/observability/logger";

/**
 * The account requests as both the forms (server actions) and the JSON API (route
 * handlers) make them: parse, rate-limit, run. Each returns an outcome the caller maps to
 * a form state or an HTTP response, so both doors behave the same.
 */

type Limited = { kind: "limited"; limit: Extract<RateLimitResult, { ok: false }> };
type Invalid = { kind: "invalid"; fieldErrors: FieldErrors };

/** Runs `work` after the response and delivers the emails it queued; failures are logged. */
function afterResponse(label: string, work: () => Promise<string[]>) {
  after(async () => {
    try {
      const ids = await work();
      if (ids.length > 0) await deliverOutbox({ ids });
    } catch (error) {
      // Redacted: the error of a failed insert can quote the email, link and token included.
      logger.error({ err: redactedError(error) }, `[auth] ${label} failed after the response`);
    }
  });
}

/**
 * Counts one email to `email` against its per-recipient cap. "send": go ahead; "skip":
 * the address has had its share, answer as usual and send nothing (the answer must not
 * say which, or the cap would tell who has an account); or the store's refusal, which
 * does not depend on the address and is answered like any other limit.
 */
async function recipientCap(
  policy: RateLimitPolicy,
  email: string,
): Promise<"send" | "skip" | Limited> {
  const limit = await consumeRateLimit(policy, email);
  if (limit.ok) return "send";
  return limit.reason === "limited" ? "skip" : { kind: "limited", limit };
}

export async function requestSignUp(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "accepted"; signUpCookie: string }> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const limit = await consumeRateLimit("signUp", ipRateLimitKey(ctx.ipAddress));
  if (!limit.ok) return { kind: "limited", limit };
  // Made for every sign-up, capped or not, so the answer is the same: the caller sets the
  // cookie, and following the link in this browser keeps the password (see confirmEmail).
  const binding = prepareSignUpBinding();
  const cap = await recipientCap("signUpRecipient", parsed.data.email);
  if (typeof cap === "object") return cap;
  if (cap === "send") {
    // Queued before the answer, so a failure after it cannot lose the sign-up: what
    // after() does not finish, the outbox cron does.
    // An instance too busy to hash sheds the sign-up (503) before anything is stored.
    const jobId = await shedWhenOverloaded(() =>
      queueSignUp(parsed.data, ctx, binding.verificationToken),
    );
    if (typeof jobId !== "string") return jobId;
    afterResponse("sign-up", async () => [jobId]);
  }
  return { kind: "accepted", signUpCookie: binding.cookie };
}

export async function requestPasswordReset(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "accepted" }> {
  const parsed = parseInput(emailOnlySchema, input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const key = `${ipRateLimitKey(ctx.ipAddress)}|${parsed.data.email}`;
  const limit = await consumeRateLimit("passwordReset", key);
  if (!limit.ok) return { kind: "limited", limit };
  const cap = await recipientCap("passwordResetRecipient", parsed.data.email);
  if (typeof cap === "object") return cap;
  if (cap === "send")
    afterResponse("password reset", () => sendPasswordReset(parsed.data.email, ctx));
  return { kind: "accepted" };
}

export async function requestMagicLink(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "accepted" }> {
  const parsed = parseInput(emailOnlySchema, input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const key = `${ipRateLimitKey(ctx.ipAddress)}|${parsed.data.email}`;
  const limit = await consumeRateLimit("magicLink", key);
  if (!limit.ok) return { kind: "limited", limit };
  const cap = await recipientCap("magicLinkRecipient", parsed.data.email);
  if (typeof cap === "object") return cap;
  if (cap === "send") afterResponse("magic link", () => sendMagicLink(parsed.data.email, ctx));
  return { kind: "accepted" };
}

export async function requestSignIn(
  input: unknown,
  ctx: RequestContext,
): Promise<
  | Invalid
  | Limited
  | { kind: "wrong-credentials" }
  | { kind: "two-factor"; challengeToken: string }
  | { kind: "signed-in"; sessionToken: string; expires: Date }
> {
  const parsed = parseInput(signInSchema, input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const result = await shedWhenOverloaded(() => signInWithPassword(parsed.data, ctx));
  if ("kind" in result) return result;
  switch (result.status) {
    case "limited":
      return { kind: "limited", limit: result.limit };
    case "invalid":
      if (result.outboxIds.length > 0)
        afterResponse("lockout notice", async () => result.outboxIds);
      return { kind: "wrong-credentials" };
    case "two-factor":
      return { kind: "two-factor", challengeToken: result.challengeToken };
    case "signed-in":
      return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
  }
}

/**
 * Runs password work, turning "the instance is overloaded" into the refusal the doors
 * already answer with 503 and Retry-After (the same as a rate-limit store that is down).
 */
async function shedWhenOverloaded<T>(work: () => Promise<T>): Promise<T | Limited> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PasswordWorkOverloadedError)) throw error;
    return {
      kind: "limited",
      limit: { ok: false, reason: "unavailable", retryAfterSeconds: error.retryAfterSeconds },
    };
  }
}

/**
 * A new password with a reset link: limited per IP (each valid link costs an argon2 hash,
 * and guessing links costs lookups), and shed with 503 when the instance is overloaded.
 */
export async function requestNewPassword(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "invalid-link" } | { kind: "done"; outboxIds: string[] }> {
  const parsed = parseInput(resetPasswordSchema, input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const limit = await consumeRateLimit("resetPasswordIp", ipRateLimitKey(ctx.ipAddress));
  if (!limit.ok) return { kind: "limited", limit };
  const result = await shedWhenOverloaded(() => resetPassword(parsed.data, ctx));
  if ("kind" in result) return result;
  return result.ok ? { kind: "done", outboxIds: result.outboxIds } : { kind: "invalid-link" };
}
