"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { toFormError } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { clearSessionCookie } from "@/lib/auth/current-session";
import {
  requestAccountDeletion,
  requestAddressChange,
  requestOtherSessionsSignOut,
  requestPasswordChange,
  requestSessionSignOut,
  requestTwoFactorConfirmation,
  requestTwoFactorRemoval,
  requestTwoFactorSetup,
  requestVerificationResend,
} from "@/lib/auth/flows/account-requests";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { signedIn } from "./signed-in";

/**
 * The signed-in account forms: thin adapters over the chain actions of
 * lib/auth/flows/account-requests.ts. Each picks its own fields and reports back through
 * FormState; a caller without a session is sent to sign in.
 */

export async function changePasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = signedIn(
    await requestPasswordChange(formFields(formData, ["currentPassword", "newPassword"])),
  );
  if (!result.ok) return toFormError(result);
  revalidatePath("/account");
  const ended = result.data.sessionsEnded;
  return {
    status: "success",
    message:
      ended > 0
        ? `Password changed. ${ended} other ${ended === 1 ? "session was" : "sessions were"} signed out.`
        : "Password changed.",
  };
}

export async function changeEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["newEmail", "currentPassword"]);
  const result = signedIn(await requestAddressChange(fields));
  if (!result.ok) return toFormError(result, { newEmail: fields.newEmail });
  return {
    status: "success",
    message: `We sent a confirmation link to ${result.data.newEmail}. Your address changes once you follow it.`,
  };
}

export async function resendVerificationAction(): Promise<FormState> {
  const result = signedIn(await requestVerificationResend({}));
  if (!result.ok) return toFormError(result);
  return result.data.sent
    ? { status: "success", message: `We sent a new link to ${result.data.email}.` }
    : { status: "success", message: "Your email is already confirmed." };
}

export async function signOutOtherSessionsAction(): Promise<FormState> {
  const result = signedIn(await requestOtherSessionsSignOut({}));
  if (!result.ok) return toFormError(result);
  revalidatePath("/account");
  const count = result.data;
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
  const result = signedIn(await requestSessionSignOut(formFields(formData, ["sessionId"])));
  revalidatePath("/account");
  if (result.ok) return { status: "success", message: "The session was signed out." };
  // A malformed id is just another session that cannot be found.
  return {
    status: "error",
    message: result.fieldErrors ? "That session could not be found." : result.error,
  };
}

export async function deleteAccountAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = signedIn(await requestAccountDeletion(formFields(formData, ["confirmation"])));
  if (!result.ok) return toFormError(result);
  await clearSessionCookie();
  // A number, never text from the request: the sign-in page words the notice itself.
  redirect(`/sign-in?deleted=account&organizations=${result.data.organizationsDeleted}`);
}

export type TwoFactorSetupState =
  | { status: "idle" }
  /** Refused for want of a recent sign-in: the panel shows "Confirm it's you". */
  | { status: "error"; message: string; reauthenticate: true }
  | { status: "setup"; qrSvg: string; manualKey: string; error?: string }
  | { status: "enabled"; recoveryCodes: string[] }
  | { status: "error"; message: string };

function setupError(result: Extract<ActionResult<unknown>, { ok: false }>): TwoFactorSetupState {
  return result.code === "reauthentication_required"
    ? { status: "error", message: result.error, reauthenticate: true }
    : { status: "error", message: result.error };
}

/** Shows the QR code and key for a new secret (nothing changes until a code confirms it). */
export async function beginTwoFactorSetupAction(): Promise<TwoFactorSetupState> {
  const result = signedIn(await requestTwoFactorSetup({}));
  if (!result.ok) return setupError(result);
  return { status: "setup", ...result.data };
}

/** Confirms setup with a first code; the answer carries the recovery codes, shown once. */
export async function confirmTwoFactorSetupAction(
  state: TwoFactorSetupState,
  formData: FormData,
): Promise<TwoFactorSetupState> {
  const result = signedIn(await requestTwoFactorConfirmation(formFields(formData, ["code"])));
  const setup = state.status === "setup" ? state : undefined;
  if (!result.ok) {
    if (result.code === "reauthentication_required") return setupError(result);
    if (result.fieldErrors)
      return setup
        ? { ...setup, error: "Enter the 6-digit code from your app." }
        : { status: "error", message: "Start the setup again." };
    return setup ? { ...setup, error: result.error } : { status: "error", message: result.error };
  }
  // No revalidation here: the page would re-render without the setup panel and the
  // recovery codes would vanish before the user saved them. The panel refreshes on "Done".
  return { status: "enabled", recoveryCodes: result.data.recoveryCodes };
}

export async function disableTwoFactorAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = signedIn(await requestTwoFactorRemoval(formFields(formData, ["code"])));
  if (!result.ok) return toFormError(result);
  revalidatePath("/account");
  return { status: "success", message: "Two-factor authentication is off." };
}
