"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/current-session";
import { reauthenticateSchema } from "@/lib/auth/flows/account-schemas";
import { reauthenticate, requestReauthenticationLink } from "@/lib/auth/flows/reauthenticate";
import { fieldErrors } from "@/lib/auth/flows/schemas";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { requestClientInfo } from "@/lib/http/client-info";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";
import { rateLimitMessage } from "@/lib/rate-limit/response";

/**
 * "Confirm it's you": the forms shown when a dangerous change was refused for want of a
 * recent sign-in. Used on the account page and on organization settings (any host).
 */

const confirmed = "Thanks, that's confirmed for the next 10 minutes. Now try again.";

export async function reauthenticateAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = reauthenticateSchema.safeParse(formFields(formData, ["password", "code"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const result = await reauthenticate(
    { userId: session.user.id, sessionId: session.sessionId, ...parsed.data },
    await requestClientInfo(),
  );
  if (!result.ok) {
    if ("limited" in result) return { status: "error", message: rateLimitMessage(result.limited) };
    return { status: "error", fieldErrors: { [result.field]: result.message } };
  }
  revalidatePath("/account");
  return { status: "success", message: confirmed };
}

export async function sendReauthenticationLinkAction(): Promise<FormState> {
  const session = await requireSession("/account");
  const result = await requestReauthenticationLink(
    { userId: session.user.id, sessionId: session.sessionId },
    await requestClientInfo(),
  );
  if (result.ok) {
    deliverOutboxAfterResponse(result.outboxIds);
    return {
      status: "success",
      message: `We sent a link to ${session.user.email}. Open it in this browser, then try again.`,
    };
  }
  if (result.reason === "limited")
    return { status: "error", message: rateLimitMessage(result.limit) };
  return { status: "error", message: "Confirm with your password or authenticator code instead." };
}
