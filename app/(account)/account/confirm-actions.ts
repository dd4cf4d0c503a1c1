"use server";

import { revalidatePath } from "next/cache";
import { toFormError } from "@/lib/actions/form";
import {
  requestReauthentication,
  requestReauthenticationEmail,
} from "@/lib/auth/flows/account-requests";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { signedIn } from "./signed-in";

/**
 * "Confirm it's you": the forms shown when a dangerous change was refused for want of a
 * recent sign-in. Used on the account page and on organization settings (any host).
 */

const confirmed = "Thanks, that's confirmed for the next 10 minutes. Now try again.";

export async function reauthenticateAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = signedIn(
    await requestReauthentication(formFields(formData, ["password", "code"])),
  );
  if (!result.ok) return toFormError(result);
  revalidatePath("/account");
  return { status: "success", message: confirmed };
}

export async function sendReauthenticationLinkAction(): Promise<FormState> {
  const result = signedIn(await requestReauthenticationEmail({}));
  if (!result.ok) return toFormError(result);
  return {
    status: "success",
    message: `We sent a link to ${result.data.email}. Open it in this browser, then try again.`,
  };
}
