import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { getCurrentSession } from "@/lib/auth/current-session";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { env } from "@/lib/env";
import { signInAction } from "../actions";
import { AuthCard, Notice, textLinkClassName } from "../_components/auth-card";
import { MagicLinkDetails } from "../_components/magic-link-details";
import { OAuthButtons } from "../_components/oauth-buttons";
import { Callout } from "@/components/ui/callout";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const notices: Record<string, string> = {
  reset: "Your password was changed. Sign in with the new one.",
  verified: "Your email is confirmed. Sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, session] = await Promise.all([searchParams, getCurrentSession()]);
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if (session) {
    redirect(
      safeRedirectTarget(callbackUrl, {
        appUrl: env.appUrl,
        rootDomain: env.rootDomain,
        fallback: "/organizations",
      }),
    );
  }
  const notice = Object.keys(notices).find((key) => params[key] === "1");
  const error =
    params.error === "unverified-email"
      ? "That account's email address is not verified with the provider. Verify it there, or sign in another way."
      : undefined;

  return (
    <AuthCard
      title="Sign in to Keel"
      footer={
        <>
          New here?{" "}
          <Link href="/sign-up" className={textLinkClassName}>
            Create an account
          </Link>
        </>
      }
    >
      {notice ? <Notice>{notices[notice]}</Notice> : null}
      {error ? (
        <Callout tone="error" className="mb-5">
          {error}
        </Callout>
      ) : null}
      <OAuthButtons callbackUrl={callbackUrl} />
      <ActionForm
        action={signInAction}
        submitLabel="Sign in"
        pendingLabel="Signing in…"
        hidden={{ callbackUrl }}
        fields={[
          {
            name: "email",
            label: "Email",
            type: "email",
            autoComplete: "email",
            inputMode: "email",
          },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "current-password",
            aside: (
              <Link href="/forgot-password" className={`text-sm ${textLinkClassName}`}>
                Forgot password?
              </Link>
            ),
          },
        ]}
      />
      <MagicLinkDetails />
    </AuthCard>
  );
}
