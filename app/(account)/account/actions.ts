"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { ExpectedError } from "@/lib/actions/errors";
import {
  hasRecentAuthentication,
  ReauthenticationRequiredError,
} from "@/lib/auth/recent-authentication";
import { clearSessionCookie, requireSession } from "@/lib/auth/current-session";
import {
  changeEmailSchema,
  changePasswordSchema,
  codeSchema,
  deleteAccountSchema,
  sessionIdSchema,
} from "@/lib/auth/flows/account-schemas";
import { changePassword } from "@/lib/auth/flows/change-password";
import { requestEmailChange } from "@/lib/auth/flows/change-email";
import { deleteAccount } from "@/lib/account/delete-account";
import { fieldErrors } from "@/lib/auth/flows/schemas";
import { signOutOtherSessions, signOutSession } from "@/lib/auth/flows/sessions";
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  twoFactorNeedsVerifiedEmail,
} from "@/lib/auth/flows/two-factor";
import { resendVerification } from "@/lib/auth/flows/verify-email";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { requestClientInfo } from "@/lib/http/client-info";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";
import { rateLimitMessage } from "@/lib/rate-limit/response";
import { parseInput } from "@/lib/actions/input";

/**
 * Runs a dangerous change; a refusal for want of a recent sign-in becomes the form state
 * that shows "Confirm it's you" next to the form (FormState's code).
 */
async function stepUp<T>(
  change: () => Promise<T>,
  values?: Record<string, string>,
): Promise<T | Extract<FormState, { status: "error" }>> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ReauthenticationRequiredError)) throw error;
    return {
      status: "error",
      message: error.message,
      code: error.code,
      ...(values ? { values } : {}),
    };
  }
}

/**
 * The signed-in account forms. Every action starts from the session (never from a user id
 * in the form), parses only its own fields, and reports back through FormState.
 */

export async function changePasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const clientInfo = await requestClientInfo();
  const parsed = parseInput(
    changePasswordSchema,
    formFields(formData, ["currentPassword", "newPassword"]),
  );
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const result = await stepUp(() =>
    changePassword(
      { userId: session.user.id, sessionId: session.sessionId, ...parsed.data },
      clientInfo,
    ),
  );
  if ("status" in result) return result;
  if (!result.ok) {
    if ("limited" in result) return { status: "error", message: rateLimitMessage(result.limited) };
    return { status: "error", fieldErrors: { [result.field]: result.message } };
  }
  deliverOutboxAfterResponse(result.outboxIds);
  revalidatePath("/account");
  const ended = result.sessionsEnded;
  return {
    status: "success",
    message:
      ended > 0
        ? `Password changed. ${ended} other ${ended === 1 ? "session was" : "sessions were"} signed out.`
        : "Password changed.",
  };
}

export async function changeEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  const fields = formFields(formData, ["newEmail", "currentPassword"]);
  const parsed = parseInput(changeEmailSchema, fields);
  const values = { newEmail: fields.newEmail };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), values };
  const clientInfo = await requestClientInfo();
  const result = await stepUp(
    () =>
      requestEmailChange(
        { userId: session.user.id, sessionId: session.sessionId, ...parsed.data },
        clientInfo,
      ),
    values,
  );
  if ("status" in result) return result;
  if (!result.ok) {
    if ("limited" in result)
      return { status: "error", message: rateLimitMessage(result.limited), values };
    return { status: "error", fieldErrors: { [result.field]: result.message }, values };
  }
  deliverOutboxAfterResponse(result.outboxIds);
  return {
    status: "success",
    message: `We sent a confirmation link to ${parsed.data.newEmail}. Your address changes once you follow it.`,
  };
}

export async function resendVerificationAction(): Promise<FormState> {
  const session = await requireSession("/account");
  const result = await resendVerification(session.user.id, await requestClientInfo());
  if (result.ok) {
    deliverOutboxAfterResponse(result.outboxIds);
    return { status: "success", message: `We sent a new link to ${session.user.email}.` };
  }
  if (result.reason === "limited")
    return { status: "error", message: rateLimitMessage(result.limit) };
  return { status: "success", message: "Your email is already confirmed." };
}

export async function signOutOtherSessionsAction(): Promise<FormState> {
  const session = await requireSession("/account");
  const count = await signOutOtherSessions(
    { userId: session.user.id, sessionId: session.sessionId },
    await requestClientInfo(),
  );
  revalidatePath("/account");
  return {
    status: "success",
    message:
      count === 0
        ? "No other sessions were active."
        : `Signed out of ${count} other ${count === 1 ? "session" : "sessions"}.`,
  };
}

export async function signOutSessionAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = parseInput(sessionIdSchema, formFields(formData, ["sessionId"]));
  if (!parsed.success) return { status: "error", message: "That session could not be found." };
  const ended = await signOutSession(
    { userId: session.user.id, sessionId: parsed.data.sessionId },
    await requestClientInfo(),
  );
  revalidatePath("/account");
  return ended
    ? { status: "success", message: "The session was signed out." }
    : { status: "error", message: "That session could not be found." };
}

export async function deleteAccountAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = parseInput(deleteAccountSchema, formFields(formData, ["confirmation"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  let result;
  try {
    result = await deleteAccount(
      { userId: session.user.id, sessionId: session.sessionId },
      await requestClientInfo(),
    );
  } catch (error) {
    if (error instanceof ReauthenticationRequiredError)
      return { status: "error", message: error.message, code: error.code };
    if (error instanceof ExpectedError) return { status: "error", message: error.message };
    throw error;
  }
  if (!result.ok) {
    const names = result.blockers.map((b) => b.organization.name).join(", ");
    return {
      status: "error",
      message: `You are the only owner of ${names}. Make someone else an owner, or delete the organization, before deleting your account.`,
    };
  }
  await clearSessionCookie();
  redirect("/?deleted=1");
}

export type TwoFactorSetupState =
  | { status: "idle" }
  /** Refused for want of a recent sign-in: the panel shows "Confirm it's you". */
  | { status: "error"; message: string; reauthenticate: true }
  | { status: "setup"; qrSvg: string; manualKey: string; error?: string }
  | { status: "enabled"; recoveryCodes: string[] }
  | { status: "error"; message: string };

/** Shows the QR code and key for a new secret (nothing changes until a code confirms it). */
export async function beginTwoFactorSetupAction(): Promise<TwoFactorSetupState> {
  const session = await requireSession("/account");
  if (!session.user.emailVerified) return { status: "error", message: twoFactorNeedsVerifiedEmail };
  // Asked here already, so nobody scans a code only to be refused at the last step.
  if (!(await hasRecentAuthentication({ userId: session.user.id, sessionId: session.sessionId })))
    return {
      status: "error",
      message: new ReauthenticationRequiredError().message,
      reauthenticate: true,
    };
  const setup = await beginTwoFactorSetup(session.user.id);
  if (!setup) return { status: "error", message: "Two-factor authentication is already on." };
  return { status: "setup", qrSvg: setup.qrSvg, manualKey: setup.manualKey };
}

/** Confirms setup with a first code; the answer carries the recovery codes, shown once. */
export async function confirmTwoFactorSetupAction(
  state: TwoFactorSetupState,
  formData: FormData,
): Promise<TwoFactorSetupState> {
  const session = await requireSession("/account");
  const parsed = parseInput(codeSchema, formFields(formData, ["code"]));
  const setup = state.status === "setup" ? state : undefined;
  if (!parsed.success) {
    return setup
      ? { ...setup, error: "Enter the 6-digit code from your app." }
      : { status: "error", message: "Start the setup again." };
  }
  const clientInfo = await requestClientInfo();
  const result = await stepUp(() =>
    confirmTwoFactorSetup(
      { userId: session.user.id, sessionId: session.sessionId, code: parsed.data.code },
      clientInfo,
    ),
  );
  if ("status" in result)
    return { status: "error", message: result.message ?? "", reauthenticate: true };
  if (!result.ok)
    return setup
      ? { ...setup, error: result.message }
      : { status: "error", message: result.message };
  deliverOutboxAfterResponse(result.outboxIds);
  // No revalidation here: the page would re-render without the setup panel and the
  // recovery codes would vanish before the user saved them. The panel refreshes on "Done".
  return { status: "enabled", recoveryCodes: result.recoveryCodes };
}

export async function disableTwoFactorAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = parseInput(codeSchema, formFields(formData, ["code"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const clientInfo = await requestClientInfo();
  const result = await stepUp(() =>
    disableTwoFactor(
      { userId: session.user.id, sessionId: session.sessionId, code: parsed.data.code },
      clientInfo,
    ),
  );
  if ("status" in result) return result;
  if (!result.ok) {
    if (result.limited) return { status: "error", message: result.message };
    return { status: "error", fieldErrors: { code: result.message } };
  }
  deliverOutboxAfterResponse(result.outboxIds);
  revalidatePath("/account");
  return { status: "success", message: "Two-factor authentication is off." };
}
