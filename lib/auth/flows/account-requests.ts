import "server-only";

import { z } from "zod";
import { authenticatedAction, type AuthenticatedContext } from "@/lib/actions/chain";
import { ExpectedError, FieldError } from "@/lib/errors";
import { rateLimitError } from "@/lib/rate-limit/response";
import { hasRecentAuthentication, ReauthenticationRequiredError } from "../recent-authentication";
import {
  changeEmailSchema,
  changePasswordSchema,
  codeSchema,
  deleteAccountSchema,
  reauthenticateSchema,
  sessionIdSchema,
} from "./account-schemas";
import { requestEmailChange } from "./change-email";
import { changePassword } from "./change-password";
import { deleteAccount } from "@/lib/account/delete-account";
import { reauthenticate, requestReauthenticationLink } from "./reauthenticate";
import { signOutOtherSessions, signOutSession } from "./sessions";
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  twoFactorNeedsVerifiedEmail,
} from "./two-factor";
import { resendVerification } from "./verify-email";

// Each request starts from the session, never from a user id in the input.

const noInput = z.strictObject({});
const sessionRef = (ctx: AuthenticatedContext) => ({
  userId: ctx.userId,
  sessionId: ctx.session.sessionId,
});

export const requestPasswordChange = authenticatedAction(
  "account.change_password",
  changePasswordSchema,
  async (input, ctx) => {
    const result = await changePassword({ ...sessionRef(ctx), ...input }, ctx.client);
    if (result.ok) return { sessionsEnded: result.sessionsEnded };
    if ("limited" in result) throw rateLimitError(result.limited);
    throw new FieldError(result.field, result.message);
  },
);

export const requestAddressChange = authenticatedAction(
  "account.change_email",
  changeEmailSchema,
  async (input, ctx) => {
    const result = await requestEmailChange({ ...sessionRef(ctx), ...input }, ctx.client);
    if (result.ok) return { newEmail: input.newEmail };
    if ("limited" in result) throw rateLimitError(result.limited);
    throw new FieldError(result.field, result.message);
  },
);

export const requestVerificationResend = authenticatedAction(
  "account.resend_verification",
  noInput,
  async (_input, ctx) => {
    const result = await resendVerification(ctx.userId, ctx.client);
    if (result.ok) return { sent: true, email: ctx.session.user.email };
    if (result.reason === "limited") throw rateLimitError(result.limit);
    return { sent: false, email: ctx.session.user.email };
  },
);

export const requestOtherSessionsSignOut = authenticatedAction(
  "account.sign_out_others",
  noInput,
  (_input, ctx) => signOutOtherSessions(sessionRef(ctx), ctx.client),
);

export const requestSessionSignOut = authenticatedAction(
  "account.sign_out_session",
  sessionIdSchema,
  async ({ sessionId }, ctx) => {
    if (!(await signOutSession({ userId: ctx.userId, sessionId }, ctx.client)))
      throw new ExpectedError("That session could not be found.", 404);
  },
);

export const requestAccountDeletion = authenticatedAction(
  "account.delete",
  deleteAccountSchema,
  async (_input, ctx) => {
    const result = await deleteAccount(sessionRef(ctx), ctx.client);
    if (result.ok) return { organizationsDeleted: result.organizationsDeleted };
    const names = result.blockers.map((b) => b.organization.name).join(", ");
    throw new ExpectedError(
      `You are the only owner of ${names}. Make someone else an owner, or delete the organization, before deleting your account.`,
      409,
    );
  },
);

export const requestTwoFactorSetup = authenticatedAction(
  "account.two_factor_setup",
  noInput,
  async (_input, ctx) => {
    if (!ctx.session.user.emailVerified) throw new ExpectedError(twoFactorNeedsVerifiedEmail, 403);
    // Asked here already, so nobody scans a code only to be refused at the last step.
    if (!(await hasRecentAuthentication(sessionRef(ctx))))
      throw new ReauthenticationRequiredError();
    const setup = await beginTwoFactorSetup(ctx.userId);
    if (!setup) throw new ExpectedError("Two-factor authentication is already on.", 409);
    return { qrSvg: setup.qrSvg, manualKey: setup.manualKey };
  },
);

export const requestTwoFactorConfirmation = authenticatedAction(
  "account.two_factor_confirm",
  codeSchema,
  async ({ code }, ctx) => {
    const result = await confirmTwoFactorSetup({ ...sessionRef(ctx), code }, ctx.client);
    if (result.ok) return { recoveryCodes: result.recoveryCodes };
    if (result.limited) throw rateLimitError(result.limited);
    throw new ExpectedError(result.message, 422);
  },
);

export const requestTwoFactorRemoval = authenticatedAction(
  "account.two_factor_disable",
  codeSchema,
  async ({ code }, ctx) => {
    const result = await disableTwoFactor({ ...sessionRef(ctx), code }, ctx.client);
    if (result.ok) return;
    if (result.limited) throw rateLimitError(result.limited);
    throw new FieldError("code", result.message);
  },
);

export const requestReauthentication = authenticatedAction(
  "account.reauthenticate",
  reauthenticateSchema,
  async (input, ctx) => {
    const result = await reauthenticate({ ...sessionRef(ctx), ...input }, ctx.client);
    if (result.ok) return;
    if ("limited" in result) throw rateLimitError(result.limited);
    throw new FieldError(result.field, result.message);
  },
);

export const requestReauthenticationEmail = authenticatedAction(
  "account.reauthentication_link",
  noInput,
  async (_input, ctx) => {
    const result = await requestReauthenticationLink(sessionRef(ctx), ctx.client);
    if (result.ok) return { email: ctx.session.user.email };
    if (result.reason === "limited") throw rateLimitError(result.limit);
    throw new ExpectedError("Confirm with your password or authenticator code instead.", 409);
  },
);
