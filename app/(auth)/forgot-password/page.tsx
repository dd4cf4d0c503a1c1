import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { forgotPasswordAction } from "../actions";
import { AuthCard, textLinkClassName } from "../_components/auth-card";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      lead="Enter the email you sign in with and we will send a link to choose a new password."
      footer={
        <Link href="/sign-in" className={textLinkClassName}>
          Back to sign in
        </Link>
      }
    >
      <ActionForm
        action={forgotPasswordAction}
        hideOnSuccess
        submitLabel="Send reset link"
        pendingLabel="Sending…"
        fields={[
          {
            name: "email",
            label: "Email",
            type: "email",
            autoComplete: "email",
            inputMode: "email",
          },
        ]}
      />
    </AuthCard>
  );
}
