import type { Metadata } from "next";
import { brand } from "@/brand.config";
import { ActionForm } from "@/components/forms/action-form";
import { magicLinkSignInAction } from "../actions";
import { AuthCard } from "../_components/auth-card";
import { MissingToken } from "../_components/missing-token";

export const metadata: Metadata = { title: "Sign in with your link", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Nothing happens on GET: mail scanners open links. The button press signs in.
export default async function MagicLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const { token, callbackUrl } = await searchParams;
  if (typeof token !== "string" || !token) {
    return (
      <MissingToken
        title="Sign in with your link"
        retryHref="/sign-in"
        retryLabel="Ask for a new link"
      />
    );
  }
  return (
    <AuthCard
      title={`Sign in to ${brand.name}`}
      lead="Continue to sign in with the link from your email."
    >
      <ActionForm
        action={magicLinkSignInAction}
        hidden={{ token, callbackUrl: typeof callbackUrl === "string" ? callbackUrl : undefined }}
        fields={[]}
        submitLabel={`Sign in to ${brand.name}`}
        pendingLabel="Signing in…"
      />
    </AuthCard>
  );
}
