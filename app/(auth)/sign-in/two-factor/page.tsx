import type { Metadata } from "next";
import Link from "next/link";
import { brand } from "@/brand.config";
import { ActionForm } from "@/components/forms/action-form";
import { twoFactorAction } from "../../actions";
import { AuthCard, textLinkClassName } from "../../_components/auth-card";

export const metadata: Metadata = { title: "Two-factor authentication", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  return (
    <AuthCard
      title="Enter your code"
      lead={`Open your authenticator app and enter the 6-digit code for ${brand.totpIssuer}. Lost your phone? Enter one of your recovery codes.`}
      footer={
        <Link href="/sign-in" className={textLinkClassName}>
          Start over
        </Link>
      }
    >
      <ActionForm
        action={twoFactorAction}
        submitLabel="Verify"
        pendingLabel="Checking…"
        hidden={{ callbackUrl }}
        fields={[{ name: "code", label: "Code", autoComplete: "one-time-code", maxLength: 20 }]}
      />
    </AuthCard>
  );
}
