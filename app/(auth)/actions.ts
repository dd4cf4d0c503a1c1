"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  clearChallengeCookie,
  clearSessionCookie,
  clearSignUpCookie,
  currentSessionToken,
  readChallengeCookie,
  readSignUpCookie,
  setChallengeCookie,
  setSessionCookie,
  setSignUpCookie,
} from "@/lib/auth/current-session";
import { authMessages } from "@/lib/auth/flows/messages";
import { signInWithMagicLink } from "@/lib/auth/flows/magic-link";
import {
  requestMagicLink,
  requestNewPassword,
  requestPasswordReset,
  requestSignIn,
  requestSignUp,
} from "@/lib/auth/flows/requests";
import { fieldErrors, twoFactorCodeSchema } from "@/lib/auth/flows/schemas";
import { signOut } from "@/lib/auth/flows/sign-out";
import { confirmEmailChange } from "@/lib/auth/flows/change-email";
import { completeTwoFactorChallenge } from "@/lib/auth/flows/two-factor";
import { confirmEmail } from "@/lib/auth/flows/verify-email";
import { signInWithProvider } from "@/lib/auth/authjs";
import { configuredOAuthProviders } from "@/lib/auth/oauth/providers";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { env } from "@/lib/env";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { publicHostOf } from "@/lib/http/allowed-host";
import { requestClientInfo } from "@/lib/http/client-info";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";
import { rateLimitMessage } from "@/lib/rate-limit/response";
import { parseInput } from "@/lib/actions/input";

/**
 * The account forms. Each action parses its own fields and goes through the same
 * request functions as the JSON API, so the two doors cannot drift apart.
 */

function afterSignIn(callbackUrl: string | undefined): never {
  redirect(
    safeRedirectTarget(callbackUrl, {
      appUrl: env.appUrl,
      rootDomain: env.rootDomain,
      fallback: "/organizations",
    }),
  );
}

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["name", "email", "password"]);
  const values = { name: fields.name, email: fields.email };
  const outcome = await requestSignUp(fields, await requestClientInfo());
  if (outcome.kind === "invalid")
    return { status: "error", fieldErrors: outcome.fieldErrors, values };
  if (outcome.kind === "limited") {
    return { status: "error", message: rateLimitMessage(outcome.limit), values };
  }
  await setSignUpCookie(outcome.signUpCookie);
  return { status: "success", message: authMessages.signUpAccepted };
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email", "password"]);
  const callbackUrl = formData.get("callbackUrl");
  const values = { email: fields.email };
  const outcome = await requestSignIn(fields, await requestClientInfo());
  switch (outcome.kind) {
    case "invalid":
      return { status: "error", fieldErrors: outcome.fieldErrors, values };
    case "limited":
      return { status: "error", message: rateLimitMessage(outcome.limit), values };
    case "wrong-credentials":
      return { status: "error", message: authMessages.wrongCredentials, values };
    case "two-factor": {
      await setChallengeCookie(outcome.challengeToken);
      const next =
        typeof callbackUrl === "string" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
      redirect(`/sign-in/two-factor${next}`);
    }
    case "signed-in":
      await setSessionCookie(outcome.sessionToken, outcome.expires);
      afterSignIn(typeof callbackUrl === "string" ? callbackUrl : undefined);
  }
}

export async function forgotPasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formFields(formData, ["email"]);
  const outcome = await requestPasswordReset(fields, await requestClientInfo());
  if (outcome.kind === "invalid") {
    return { status: "error", fieldErrors: outcome.fieldErrors, values: fields };
  }
  if (outcome.kind === "limited") {
    return { status: "error", message: rateLimitMessage(outcome.limit), values: fields };
  }
  return { status: "success", message: authMessages.resetRequested };
}

export async function magicLinkAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email"]);
  const outcome = await requestMagicLink(fields, await requestClientInfo());
  if (outcome.kind === "invalid") {
    return { status: "error", fieldErrors: outcome.fieldErrors, values: fields };
  }
  if (outcome.kind === "limited") {
    return { status: "error", message: rateLimitMessage(outcome.limit), values: fields };
  }
  return { status: "success", message: authMessages.magicLinkRequested };
}

export async function resetPasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formFields(formData, ["token", "password"]);
  const outcome = await requestNewPassword(fields, await requestClientInfo());
  switch (outcome.kind) {
    case "invalid":
      return { status: "error", fieldErrors: outcome.fieldErrors };
    case "limited":
      return { status: "error", message: rateLimitMessage(outcome.limit) };
    case "invalid-link":
      return { status: "error", message: authMessages.invalidLink };
    case "done":
      deliverOutboxAfterResponse(outcome.outboxIds);
      redirect("/sign-in?reset=1");
  }
}

/** Confirms the address from the emailed link (a button press, so mail scanners cannot). */
export async function verifyEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  const token = formData.get("token");
  if (typeof token !== "string") return { status: "error", message: authMessages.invalidLink };
  // What this browser holds decides whether it is the owner confirming their own sign-up.
  const result = await confirmEmail(token, await requestClientInfo(), {
    signUpBinding: await readSignUpCookie(),
    sessionToken: await currentSessionToken(),
  });
  if (!result.ok) return { status: "error", message: authMessages.invalidLink };
  await clearSignUpCookie();
  if (result.sessionToken && result.expires) {
    await setSessionCookie(result.sessionToken, result.expires);
    redirect("/organizations?verified=1");
  }
  redirect("/sign-in?verified=1");
}

/** Signs in with the emailed link (a button press, so mail scanners cannot). */
export async function magicLinkSignInAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const token = formData.get("token");
  if (typeof token !== "string") return { status: "error", message: authMessages.invalidLink };
  const result = await signInWithMagicLink(token, await requestClientInfo());
  if (result.status === "invalid") return { status: "error", message: authMessages.invalidLink };
  if (result.status === "two-factor") {
    await setChallengeCookie(result.challengeToken);
    redirect("/sign-in/two-factor");
  }
  await setSessionCookie(result.sessionToken, result.expires);
  redirect("/organizations");
}

export async function signOutAction(): Promise<void> {
  const token = await currentSessionToken();
  if (token) await signOut(token, await requestClientInfo());
  await clearSessionCookie();
  redirect("/");
}

/** The second sign-in step: a code from the app, or a recovery code. */
export async function twoFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  const challengeToken = await readChallengeCookie();
  if (!challengeToken) return { status: "error", message: authMessages.challengeExpired };
  const parsed = parseInput(twoFactorCodeSchema, formFields(formData, ["code"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const result = await completeTwoFactorChallenge(
    { challengeToken, code: parsed.data.code },
    await requestClientInfo(),
  );
  switch (result.status) {
    case "expired":
      await clearChallengeCookie();
      return { status: "error", message: authMessages.challengeExpired };
    case "limited":
      return { status: "error", message: rateLimitMessage(result.limit) };
    case "wrong-code":
      return { status: "error", fieldErrors: { code: authMessages.wrongCode } };
    case "signed-in": {
      await clearChallengeCookie();
      await setSessionCookie(result.sessionToken, result.expires);
      const callbackUrl = formData.get("callbackUrl");
      afterSignIn(typeof callbackUrl === "string" ? callbackUrl : undefined);
    }
  }
}

/** Starts a GitHub or Google sign-in (only the providers configured are offered). */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  const configured = configuredOAuthProviders().map((p) => p.id as string);
  if (typeof provider !== "string" || !configured.includes(provider)) redirect("/sign-in");
  const callbackUrl = formData.get("callbackUrl");
  const redirectTo = safeRedirectTarget(typeof callbackUrl === "string" ? callbackUrl : undefined, {
    appUrl: env.appUrl,
    rootDomain: env.rootDomain,
    fallback: "/organizations",
  });
  // Auth.js builds the provider's redirect_uri from this request's X-Forwarded-Host or
  // Host itself: only one of our hosts may get that far.
  if (!publicHostOf(await headers())) redirect("/sign-in");
  await signInWithProvider(provider, { redirectTo });
}

/** Moves the account to the new address from the link sent there (a button press). */
export async function confirmEmailChangeAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const token = formData.get("token");
  if (typeof token !== "string") return { status: "error", message: authMessages.invalidLink };
  const result = await confirmEmailChange(token, await requestClientInfo());
  if (!result.ok) return { status: "error", message: authMessages.invalidLink };
  deliverOutboxAfterResponse(result.outboxIds);
  return {
    status: "success",
    message: "Your email address is changed. Use it the next time you sign in.",
  };
}
