import "server-only";

import { z } from "zod";
import { publicAction, type PublicContext } from "@/lib/actions/chain";
import { rateLimit, shedPasswordWork } from "@/lib/actions/middleware";
import { ExpectedError, FieldError } from "@/lib/errors";
import { ipRateLimitKey } from "@/lib/http/client-info";
import { runAfterResponse } from "@/lib/outbox/after-response";
import { consumeRateLimit, type RateLimitPolicy } from "@/lib/rate-limit";
import { rateLimitError } from "@/lib/rate-limit/response";
import { currentSessionToken, readSignUpCookie } from "../current-session";
import { confirmEmailChange } from "./change-email";
import { sendMagicLink, signInWithMagicLink } from "./magic-link";
import { authMessages } from "./messages";
import { resetPassword, sendPasswordReset } from "./password-reset";
import {
  emailOnlySchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  twoFactorCodeSchema,
} from "./schemas";
import { signOut } from "./sign-out";
import { signInWithPassword } from "./sign-in";
import { prepareSignUpBinding, queueSignUp } from "./sign-up";
import { completeTwoFactorChallenge } from "./two-factor";
import { confirmEmail } from "./verify-email";

/**
 * The account requests as both the forms (server actions) and the JSON API (route
 * handlers) make them, on the action chain: parsed (a refusal is a 400 with field
 * messages), rate-limited (429/503 with Retry-After), and shed with 503 when the
 * instance is too busy to hash a password. Both doors behave the same.
 */

const byIp = (_input: unknown, ctx: PublicContext) => ipRateLimitKey(ctx.client.ipAddress);
const byIpAndEmail = (input: { email: string }, ctx: PublicContext) =>
  `${ipRateLimitKey(ctx.client.ipAddress)}|${input.email}`;

/**
 * Counts one email to `email` against its per-recipient cap: true to send. An address
 * that has had its share is answered as usual with nothing sent (the answer must not say
 * which, or the cap would tell who has an account); a store that is down refuses, which
 * does not depend on the address.
 */
async function underRecipientCap(policy: RateLimitPolicy, email: string): Promise<boolean> {
  const limit = await consumeRateLimit(policy, email);
  if (limit.ok) return true;
  if (limit.reason === "limited") return false;
  throw rateLimitError(limit);
}

/**
 * Accepted whether or not the address is registered. The binding is made for every
 * sign-up, capped or not, so the answer is the same: the caller sets the cookie, and
 * following the link in this browser keeps the password (see confirmEmail).
 */
export const requestSignUp = publicAction(
  "account.sign_up",
  signUpSchema,
  async (input, ctx) => {
    const binding = prepareSignUpBinding();
    // Queued before the answer, so a failure after it cannot lose the sign-up: what is
    // not delivered after the response, the outbox cron runs.
    if (await underRecipientCap("signUpRecipient", input.email))
      await queueSignUp(input, ctx.client, binding.verificationToken);
    return { signUpCookie: binding.cookie };
  },
  { use: [rateLimit("signUp", byIp), shedPasswordWork()], invalidInput: "bad-request" },
);

export const requestPasswordReset = publicAction(
  "account.password_reset",
  emailOnlySchema,
  async ({ email }, ctx) => {
    if (await underRecipientCap("passwordResetRecipient", email))
      runAfterResponse("password reset", () => sendPasswordReset(email, ctx.client));
  },
  { use: [rateLimit("passwordReset", byIpAndEmail)], invalidInput: "bad-request" },
);

export const requestMagicLink = publicAction(
  "account.magic_link",
  emailOnlySchema,
  async ({ email }, ctx) => {
    if (await underRecipientCap("magicLinkRecipient", email))
      runAfterResponse("magic link", () => sendMagicLink(email, ctx.client));
  },
  { use: [rateLimit("magicLink", byIpAndEmail)], invalidInput: "bad-request" },
);

export type SignInOutcome =
  | { kind: "two-factor"; challengeToken: string }
  | { kind: "signed-in"; sessionToken: string; expires: Date };

/** One answer (401) for every wrong address or password; the limits live in the flow. */
export const requestSignIn = publicAction(
  "account.sign_in",
  signInSchema,
  async (input, ctx): Promise<SignInOutcome> => {
    const result = await signInWithPassword(input, ctx.client);
    switch (result.status) {
      case "limited":
        throw rateLimitError(result.limit);
      case "invalid":
        throw new ExpectedError(authMessages.wrongCredentials, 401);
      case "two-factor":
        return { kind: "two-factor", challengeToken: result.challengeToken };
      case "signed-in":
        return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
    }
  },
  { use: [shedPasswordWork()], invalidInput: "bad-request" },
);

/**
 * A new password with a reset link: limited per IP (each valid link costs an argon2 hash,
 * and guessing links costs lookups), and shed with 503 when the instance is overloaded.
 */
export const requestNewPassword = publicAction(
  "account.new_password",
  resetPasswordSchema,
  async (input, ctx) => {
    const result = await resetPassword(input, ctx.client);
    if (!result.ok) throw new ExpectedError(authMessages.invalidLink, 400);
  },
  { use: [rateLimit("resetPasswordIp", byIp), shedPasswordWork()], invalidInput: "bad-request" },
);

/** The token of an emailed link, sent back by a button press (so mail scanners cannot). */
const linkTokenSchema = z.strictObject({ token: z.string() });
const invalidLink = () => new ExpectedError(authMessages.invalidLink, 400);

/**
 * Confirms the address from the emailed link. What this browser holds decides whether it
 * is the owner confirming their own sign-up (then it is signed in).
 */
export const requestEmailConfirmation = publicAction(
  "account.verify_email",
  linkTokenSchema,
  async ({ token }, ctx) => {
    const result = await confirmEmail(token, ctx.client, {
      signUpBinding: await readSignUpCookie(),
      sessionToken: await currentSessionToken(),
    });
    if (!result.ok) throw invalidLink();
    return result;
  },
);

export const requestMagicLinkSignIn = publicAction(
  "account.magic_link_sign_in",
  linkTokenSchema,
  async ({ token }, ctx): Promise<SignInOutcome> => {
    const result = await signInWithMagicLink(token, ctx.client);
    if (result.status === "invalid") throw invalidLink();
    if (result.status === "two-factor")
      return { kind: "two-factor", challengeToken: result.challengeToken };
    return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
  },
);

/** Moves the account to the new address from the link sent there. */
export const requestEmailChangeConfirmation = publicAction(
  "account.confirm_email_change",
  linkTokenSchema,
  async ({ token }, ctx) => {
    if (!(await confirmEmailChange(token, ctx.client)).ok) throw invalidLink();
  },
);

/** The second sign-in step: a code from the app, or a recovery code. */
export const requestTwoFactorSignIn = publicAction(
  "account.two_factor",
  twoFactorCodeSchema.extend({ challengeToken: z.string() }),
  async (
    input,
    ctx,
  ): Promise<{ kind: "expired" } | Extract<SignInOutcome, { kind: "signed-in" }>> => {
    const result = await completeTwoFactorChallenge(input, ctx.client);
    switch (result.status) {
      case "expired":
        return { kind: "expired" };
      case "limited":
        throw rateLimitError(result.limit);
      case "wrong-code":
        throw new FieldError("code", authMessages.wrongCode);
      case "signed-in":
        return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
    }
  },
);

/** Ends this browser's session on the server (the caller clears the cookie). */
export const requestSignOut = publicAction(
  "account.sign_out",
  z.strictObject({}),
  async (_input, ctx) => {
    const token = await currentSessionToken();
    if (token) await signOut(token, ctx.client);
  },
);
