"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { clearSessionCookie, requireSession } from "@/lib/auth/current-session";
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  sessionIdSchema,
} from "@/lib/auth/flows/account-schemas";
import { changePassword } from "@/lib/auth/flows/change-password";
import { requestEmailChange } from "@/lib/auth/flows/change-email";
import { deleteAccount } from "@/lib/auth/flows/delete-account";
import { fieldErrors } from "@/lib/auth/flows/schemas";
import { signOutOtherSessions, signOutSession } from "@/lib/auth/flows/sessions";
import { resendVerification } from "@/lib/auth/flows/verify-email";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { requestClientInfo } from "@/lib/http/client-info";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";
import { rateLimitMessage } from "@/lib/rate-limit/response";

/**
 * The signed-in account forms. Every action starts from the session (never from a user id
 * in the form), parses only its own fields, and reports back through FormState.
 */

export async function changePasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = changePasswordSchema.safeParse(
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
  const parsed = changeEmailSchema.safeParse(fields);
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
  const parsed = sessionIdSchema.safeParse(formFields(formData, ["sessionId"]));
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
  const parsed = deleteAccountSchema.safeParse(formFields(formData, ["confirmation"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const result = await deleteAccount(session.user.id, await requestClientInfo());
  if (!result.ok) {
    const names = result.blockers.map((b) => b.organization.name).join(", ");
    return {
      status: "error",
      message: `You are the only owner of ${names}. Make someone else an owner, or delete the organization (and cancel its subscription), before deleting your account.`,
    };
  }
  await clearSessionCookie();
  redirect("/?deleted=1");
}
