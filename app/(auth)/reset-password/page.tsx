import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { passwordRules } from "@/lib/auth/password-policy";
import { resetPasswordAction } from "../actions";
import { AuthCard } from "../_components/auth-card";
import { MissingToken } from "../_components/missing-token";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !token) {
    return (
      <MissingToken
        title="Choose a new password"
        retryHref="/forgot-password"
        retryLabel="Ask for a new link"
      />
    );
  }
  return (
    <AuthCard
      title="Choose a new password"
      lead="All your sessions end, and you sign in again with the new password."
    >
      <ActionForm
        action={resetPasswordAction}
        submitLabel="Save new password"
        pendingLabel="Saving…"
        hidden={{ token }}
        fields={[
          {
            name: "password",
            label: "New password",
            type: "password",
            autoComplete: "new-password",
            description: `At least ${passwordRules.minLength} characters.`,
          },
        ]}
      />
    </AuthCard>
  );
}
