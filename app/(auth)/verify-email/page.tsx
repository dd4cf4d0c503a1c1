import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { readSignUpCookie } from "@/lib/auth/current-session";
import { isSignUpBinding } from "@/lib/auth/flows/sign-up";
import { verifyEmailAction } from "../actions";
import { AuthCard } from "../_components/auth-card";
import { MissingToken } from "../_components/missing-token";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Nothing happens on GET: mail scanners open links. The button press confirms.
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !token) {
    return (
      <MissingToken
        title="Confirm your email"
        retryHref="/account"
        retryLabel="Send a new link from your account"
      />
    );
  }
  // Away from the browser that signed up, confirming also clears the password chosen at
  // sign-up (it may be a stranger's): say so before the click.
  const signedUpHere = isSignUpBinding(await readSignUpCookie(), token);
  const lead = signedUpHere
    ? "One click and your address is confirmed."
    : "One click and your address is confirmed. If you signed up in another browser, open the link there to keep your password; confirming here clears it, and you choose a new one with “Forgot password”.";
  return (
    <AuthCard title="Confirm your email" lead={lead}>
      <ActionForm
        action={verifyEmailAction}
        hidden={{ token }}
        fields={[]}
        submitLabel="Confirm my email"
        pendingLabel="Confirming…"
      />
    </AuthCard>
  );
}
