import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { confirmEmailChangeAction } from "../actions";
import { AuthCard } from "../_components/auth-card";
import { MissingToken } from "../_components/missing-token";

export const metadata: Metadata = { title: "Confirm your new email", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConfirmEmailChangePage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !token) {
    return (
      <MissingToken
        title="Confirm your new email"
        retryHref="/account"
        retryLabel="Go to your account"
      />
    );
  }
  return (
    <AuthCard
      title="Confirm your new email"
      lead="Your account moves to this address once you confirm."
    >
      <ActionForm
        action={confirmEmailChangeAction}
        hidden={{ token }}
        fields={[]}
        submitLabel="Use this address"
        pendingLabel="Confirming…"
      />
    </AuthCard>
  );
}
