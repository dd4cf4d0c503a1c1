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
  magicLinkRequestSchema,
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

const byIp = (_input: unknown, ctx: PublicContext) => ipRateLimitKey(ctx.client.ipAddress);
const byIpAndEmail = (input: { email: string }, ctx: PublicContext) =>
  `${ipRateLimitKey(ctx.client.ipAddress)}|${input.email}`;

// Only after the right password, the emailed link or a passed first factor (see authMessages).
const accountDisabled = () => new ExpectedError(authMessages.accountDisabled, 403);

// A capped address is answered as usual with nothing sent, or the cap would tell who has an
// account; a store that is down refuses every address alike.
async function underRecipientCap(policy: RateLimitPolicy, email: string): Promise<boolean> {
  const limit = await consumeRateLimit(policy, email);
  if (limit.ok) return true;
  if (limit.reason === "limited") return false;
  throw rateLimitError(limit);
}

// The binding is made for every sign-up, capped or not, so the answer is the same.
export const requestSignUp = publicAction(
  "account.sign_up",
  signUpSchema,
  async (input, ctx) => {
    const binding = prepareSignUpBinding();
    // Queued before answering, so a later failure cannot lose the sign-up (the outbox cron retries)
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
  magicLinkRequestSchema,
  async ({ email, callbackUrl }, ctx) => {
    if (await underRecipientCap("magicLinkRecipient", email))
      runAfterResponse("magic link", () => sendMagicLink(email, ctx.client, callbackUrl));
  },
  { use: [rateLimit("magicLink", byIpAndEmail)], invalidInput: "bad-request" },
);

export type SignInOutcome =
  | { kind: "two-factor"; challengeToken: string }
  | { kind: "signed-in"; sessionToken: string; expires: Date };

// One answer (401) for every wrong address or password; the limits live in the flow.
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
      case "disabled":
        throw accountDisabled();
      case "two-factor":
        return { kind: "two-factor", challengeToken: result.challengeToken };
      case "signed-in":
        return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
    }
  },
  { use: [shedPasswordWork()], invalidInput: "bad-request" },
);

// Per IP: each valid link costs an argon2 hash, and guessing links costs lookups.
export const requestNewPassword = publicAction(
  "account.new_password",
  resetPasswordSchema,
  async (input, ctx) => {
    const result = await resetPassword(input, ctx.client);
    if (!result.ok) throw new ExpectedError(authMessages.invalidLink, 400);
  },
  { use: [rateLimit("resetPasswordIp", byIp), shedPasswordWork()], invalidInput: "bad-request" },
);

// Sent back by a button press, so mail scanners cannot use the link.
const linkTokenSchema = z.strictObject({ token: z.string() });
const invalidLink = () => new ExpectedError(authMessages.invalidLink, 400);

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
    if (result.status === "disabled") throw accountDisabled();
    if (result.status === "two-factor")
      return { kind: "two-factor", challengeToken: result.challengeToken };
    return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
  },
);

export const requestEmailChangeConfirmation = publicAction(
  "account.confirm_email_change",
  linkTokenSchema,
  async ({ token }, ctx) => {
    if (!(await confirmEmailChange(token, ctx.client)).ok) throw invalidLink();
  },
);

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
      case "disabled":
        throw accountDisabled();
      case "signed-in":
        return { kind: "signed-in", sessionToken: result.sessionToken, expires: result.expires };
    }
  },
);

export const requestSignOut = publicAction(
  "account.sign_out",
  z.strictObject({}),
  async (_input, ctx) => {
    const token = await currentSessionToken();
    if (token) await signOut(token, ctx.client);
  },
);
