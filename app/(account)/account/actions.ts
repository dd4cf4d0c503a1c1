"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { ExpectedError } from "@/lib/actions/errors";
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
import { deleteAccount } from "@/lib/auth/flows/delete-account";
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
 * The signed-in account forms. Every action starts from the session (never from a user id
 * in the form), parses only its own fields, and reports back through FormState.
 */

export async function changePasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = parseInput(
    changePasswordSchema,
    formFields(formData, ["currentPassword", "newPassword"]),
  );
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const result = await changePassword(
    { userId: session.user.id, sessionId: session.sessionId, ...parsed.data },
    await requestClientInfo(),
  );
  if (!result.ok) return { status: "error", fieldErrors: { [result.field]: result.message } };
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
  const result = await requestEmailChange(
    { userId: session.user.id, ...parsed.data },
    await requestClientInfo(),
  );
  if (!result.ok)
    return { status: "error", fieldErrors: { [result.field]: result.message }, values };
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
    result = await deleteAccount(session.user.id, await requestClientInfo());
  } catch (error) {
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
  | { status: "setup"; qrSvg: string; manualKey: string; error?: string }
  | { status: "enabled"; recoveryCodes: string[] }
  | { status: "error"; message: string };

/** Shows the QR code and key for a new secret (nothing changes until a code confirms it). */
export async function beginTwoFactorSetupAction(): Promise<TwoFactorSetupState> {
  const session = await requireSession("/account");
  if (!session.user.emailVerified) return { status: "error", message: twoFactorNeedsVerifiedEmail };
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
  const result = await confirmTwoFactorSetup(
    { userId: session.user.id, code: parsed.data.code },
    await requestClientInfo(),
  );
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
  const result = await disableTwoFactor(
    { userId: session.user.id, code: parsed.data.code },
    await requestClientInfo(),
  );
  if (!result.ok) return { status: "error", fieldErrors: { code: result.message } };
  deliverOutboxAfterResponse(result.outboxIds);
  revalidatePath("/account");
  return { status: "success", message: "Two-factor authentication is off." };
}
