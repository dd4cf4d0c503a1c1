import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
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
  return (
    <AuthCard title="Confirm your email" lead="One click and your address is confirmed.">
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
