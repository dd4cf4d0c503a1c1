"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { toFormError } from "@/lib/actions/form";
import {
  clearChallengeCookie,
  clearSessionCookie,
  clearSignUpCookie,
  readChallengeCookie,
  setChallengeCookie,
  setSessionCookie,
  setSignUpCookie,
} from "@/lib/auth/current-session";
import { authMessages } from "@/lib/auth/flows/messages";
import {
  requestEmailChangeConfirmation,
  requestEmailConfirmation,
  requestMagicLink,
  requestMagicLinkSignIn,
  requestNewPassword,
  requestPasswordReset,
  requestSignIn,
  requestSignOut,
  requestSignUp,
  requestTwoFactorSignIn,
} from "@/lib/auth/flows/requests";
import { signInWithProvider } from "@/lib/auth/authjs";
import { configuredOAuthProviders } from "@/lib/auth/oauth/providers";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { parsePlanChoice, planChoiceQuery } from "@/lib/billing/plans/plan-choice";
import { rememberedPlanChoice, rememberPlanChoice } from "@/lib/billing/plans/plan-choice-cookie";
import { env } from "@/lib/env";
import { type FormState, formFields } from "@/lib/forms/form-state";
import { publicHostOf } from "@/lib/http/allowed-host";

/**
 * The account forms: thin adapters over the same chain actions as the JSON API
 * (lib/auth/flows/requests.ts), so the two doors cannot drift apart. They pick their own
 * fields, then set cookies, redirect, or turn a refusal into the form's state.
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

// The emailed link opens on the root host: a path asked for on an organization's host must
// name that host to lead back there. The host is one of ours (publicHostOf allow-lists it).
async function absoluteOnThisHost(value: FormDataEntryValue | null): Promise<string | undefined> {
  if (typeof value !== "string" || !value) return undefined;
  const host = publicHostOf(await headers());
  const app = new URL(env.appUrl);
  if (!value.startsWith("/") || !host || host === app.host) return value;
  return `${app.protocol}//${host}${value}`;
}

function twoFactorQuery(callbackUrl: FormDataEntryValue | null): string {
  return typeof callbackUrl === "string" && callbackUrl
    ? `?callbackUrl=${encodeURIComponent(callbackUrl)}`
    : "";
}

/** A refused link: its own message, unless something else (a 503) went wrong. */
function linkError(result: { fieldErrors?: Record<string, string>; error: string }): FormState {
  return { status: "error", message: result.fieldErrors ? authMessages.invalidLink : result.error };
}

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["name", "email", "password"]);
  const result = await requestSignUp(fields);
  if (!result.ok) return toFormError(result, { name: fields.name, email: fields.email });
  await setSignUpCookie(result.data.signUpCookie);
  // A plan picked on the pricing page waits for the confirmed address (verifyEmailAction).
  const plan = parsePlanChoice({ plan: formData.get("plan"), interval: formData.get("interval") });
  if (plan) await rememberPlanChoice(plan);
  return { status: "success", message: authMessages.signUpAccepted };
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email", "password"]);
  const callbackUrl = formData.get("callbackUrl");
  const result = await requestSignIn(fields);
  if (!result.ok) return toFormError(result, { email: fields.email });
  const outcome = result.data;
  if (outcome.kind === "two-factor") {
    await setChallengeCookie(outcome.challengeToken);
    redirect(`/sign-in/two-factor${twoFactorQuery(callbackUrl)}`);
  }
  await setSessionCookie(outcome.sessionToken, outcome.expires);
  afterSignIn(typeof callbackUrl === "string" ? callbackUrl : undefined);
}

export async function forgotPasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formFields(formData, ["email"]);
  const result = await requestPasswordReset(fields);
  if (!result.ok) return toFormError(result, fields);
  return { status: "success", message: authMessages.resetRequested };
}

export async function magicLinkAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email"]);
  const callbackUrl = await absoluteOnThisHost(formData.get("callbackUrl"));
  const result = await requestMagicLink({ ...fields, ...(callbackUrl ? { callbackUrl } : {}) });
  if (!result.ok) return toFormError(result, fields);
  return { status: "success", message: authMessages.magicLinkRequested };
}

export async function resetPasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await requestNewPassword(formFields(formData, ["token", "password"]));
  if (!result.ok) return toFormError(result);
  redirect("/sign-in?reset=1");
}

export async function verifyEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await requestEmailConfirmation(formFields(formData, ["token"]));
  if (!result.ok) return linkError(result);
  await clearSignUpCookie();
  const { sessionToken, expires } = result.data;
  if (sessionToken && expires) {
    await setSessionCookie(sessionToken, expires);
    const plan = await rememberedPlanChoice();
    redirect(plan ? `/onboarding?${planChoiceQuery(plan)}` : "/organizations?verified=1");
  }
  redirect("/sign-in?verified=1");
}

export async function magicLinkSignInAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await requestMagicLinkSignIn(formFields(formData, ["token"]));
  if (!result.ok) return linkError(result);
  const callbackUrl = formData.get("callbackUrl");
  if (result.data.kind === "two-factor") {
    await setChallengeCookie(result.data.challengeToken);
    redirect(`/sign-in/two-factor${twoFactorQuery(callbackUrl)}`);
  }
  await setSessionCookie(result.data.sessionToken, result.data.expires);
  afterSignIn(typeof callbackUrl === "string" ? callbackUrl : undefined);
}

export async function signOutAction(): Promise<void> {
  const result = await requestSignOut({});
  if (!result.ok) throw new Error(result.error);
  await clearSessionCookie();
  redirect("/");
}

export async function twoFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  const challengeToken = await readChallengeCookie();
  if (!challengeToken) return { status: "error", message: authMessages.challengeExpired };
  const result = await requestTwoFactorSignIn({
    ...formFields(formData, ["code"]),
    challengeToken,
  });
  if (!result.ok) return toFormError(result);
  if (result.data.kind === "expired") {
    await clearChallengeCookie();
    return { status: "error", message: authMessages.challengeExpired };
  }
  await clearChallengeCookie();
  await setSessionCookie(result.data.sessionToken, result.data.expires);
  const callbackUrl = formData.get("callbackUrl");
  afterSignIn(typeof callbackUrl === "string" ? callbackUrl : undefined);
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
  const result = await requestEmailChangeConfirmation(formFields(formData, ["token"]));
  if (!result.ok) return linkError(result);
  return {
    status: "success",
    message: "Your email address is changed. Use it the next time you sign in.",
  };
}
