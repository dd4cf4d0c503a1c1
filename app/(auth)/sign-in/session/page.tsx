import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-session";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { env } from "@/lib/env";
import { SignInCard, type SignInParams } from "../_components/sign-in-card";

export const metadata: Metadata = { title: "Sign in" };

// proxy.ts serves /sign-in from here when the request has a session cookie or a query.
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<SignInParams>;
}) {
  const [params, session] = await Promise.all([searchParams, getCurrentSession()]);
  if (session) {
    const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
    redirect(
      safeRedirectTarget(callbackUrl, {
        appUrl: env.appUrl,
        rootDomain: env.rootDomain,
        fallback: "/organizations",
      }),
    );
  }
  return <SignInCard params={params} />;
}
