import "server-only";

import { after } from "next/server";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit";
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
import { prepareSignUpBinding, registerAccount } from "./sign-up";

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
      console.error(`[auth] ${label} failed after the response`, error);
    }
  });
}

export async function requestSignUp(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "accepted"; signUpCookie: string }> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const limit = await consumeRateLimit("signUp", ctx.ipAddress ?? "unknown");
  if (!limit.ok) return { kind: "limited", limit };
  // The caller sets the cookie: following the link in this browser keeps the password.
  const binding = prepareSignUpBinding();
  afterResponse("sign-up", () =>
    registerAccount(parsed.data, ctx, { verificationToken: binding.verificationToken }),
  );
  return { kind: "accepted", signUpCookie: binding.cookie };
}

export async function requestPasswordReset(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "accepted" }> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const key = `${ctx.ipAddress ?? "unknown"}|${parsed.data.email}`;
  const limit = await consumeRateLimit("passwordReset", key);
  if (!limit.ok) return { kind: "limited", limit };
  afterResponse("password reset", () => sendPasswordReset(parsed.data.email, ctx));
  return { kind: "accepted" };
}

export async function requestMagicLink(
  input: unknown,
  ctx: RequestContext,
): Promise<Invalid | Limited | { kind: "accepted" }> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const key = `${ctx.ipAddress ?? "unknown"}|${parsed.data.email}`;
  const limit = await consumeRateLimit("magicLink", key);
  if (!limit.ok) return { kind: "limited", limit };
  afterResponse("magic link", () => sendMagicLink(parsed.data.email, ctx));
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
  const parsed = signInSchema.safeParse(input);
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
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const limit = await consumeRateLimit("resetPasswordIp", ctx.ipAddress ?? "unknown");
  if (!limit.ok) return { kind: "limited", limit };
  const result = await shedWhenOverloaded(() => resetPassword(parsed.data, ctx));
  if ("kind" in result) return result;
  return result.ok ? { kind: "done", outboxIds: result.outboxIds } : { kind: "invalid-link" };
}
