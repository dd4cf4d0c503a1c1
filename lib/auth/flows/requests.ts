import "server-only";

import { after } from "next/server";
import { ipRateLimitKey } from "@/lib/http/client-info";
import { redactedError } from "@/lib/http/redact-url";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { consumeRateLimit, type RateLimitPolicy, type RateLimitResult } from "@/lib/rate-limit";
import type { RequestContext } from "./context";
import { sendMagicLink } from "./magic-link";
import { sendPasswordReset } from "./password-reset";
import {
  emailOnlySchema,
  fieldErrors,
  signInSchema,
  signUpSchema,
  type FieldErrors,
} from "./schemas";
import { signInWithPassword } from "./sign-in";
import { queueSignUp } from "./sign-up";
import { parseInput } from "@/lib/actions/input";

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
      console.error(`[auth] ${label} failed after the response`, redactedError(error));
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
): Promise<Invalid | Limited | { kind: "accepted" }> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const limit = await consumeRateLimit("signUp", ipRateLimitKey(ctx.ipAddress));
  if (!limit.ok) return { kind: "limited", limit };
  const cap = await recipientCap("signUpRecipient", parsed.data.email);
  if (typeof cap === "object") return cap;
  if (cap === "send") {
    // Queued before the answer, so a failure after it cannot lose the sign-up: what
    // after() does not finish, the outbox cron does.
    const jobId = await queueSignUp(parsed.data, ctx);
    afterResponse("sign-up", async () => [jobId]);
  }
  return { kind: "accepted" };
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
  const result = await signInWithPassword(parsed.data, ctx);
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
