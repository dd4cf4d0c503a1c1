import Link from "next/link";
import { brand } from "@/brand.config";
import { ActionForm } from "@/components/forms/action-form";
import { Callout } from "@/components/ui/callout";
import { authMessages } from "@/lib/auth/flows/messages";
import { signInAction } from "../../actions";
import { AuthCard, Notice, textLinkClassName } from "../../_components/auth-card";
import { MagicLinkDetails } from "../../_components/magic-link-details";
import { OAuthButtons } from "../../_components/oauth-buttons";

export type SignInParams = Record<string, string | string[] | undefined>;

const notices: Record<string, string> = {
  reset: "Your password was changed. Sign in with the new one.",
  verified: "Your email is confirmed. Sign in to continue.",
};

// Fixed wording with a number parsed from the query: no text from the link reaches the page.
function deletionNotice(params: SignInParams): string | undefined {
  if (params.deleted !== "account") return undefined;
  const raw = typeof params.organizations === "string" ? params.organizations : "0";
  const count = /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  if (count === 0) return "Your account was deleted.";
  return `Your account and ${count === 1 ? "1 organization" : `${count} organizations`} were deleted.`;
}

/** The sign-in form; the same for the prerendered page and the per-request one. */
export function SignInCard({ params }: { params: SignInParams }) {
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const notice = Object.keys(notices).find((key) => params[key] === "1");
  const deleted = deletionNotice(params);
  const error =
    params.error === "unverified-email"
      ? "That account's email address is not verified with the provider. Verify it there, or sign in another way."
      : params.error === "account-disabled"
        ? authMessages.accountDisabled
        : undefined;

  return (
    <AuthCard
      title={`Sign in to ${brand.name}`}
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
      {deleted ? <Notice>{deleted}</Notice> : null}
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
            autoFocus: true,
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
      <MagicLinkDetails callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
