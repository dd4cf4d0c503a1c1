import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-session";
import { SignUpCard } from "../_components/sign-up-card";

export const metadata: Metadata = { title: "Create your account" };

// proxy.ts serves /sign-up from here when the request has a session cookie or a query.
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [session, { email }] = await Promise.all([getCurrentSession(), searchParams]);
  if (session) redirect("/organizations");
  return <SignUpCard email={email} />;
}
