import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-session";
import { parsePlanChoice, planChoiceQuery } from "@/lib/billing/plans/plan-choice";
import { SignUpCard } from "../_components/sign-up-card";

export const metadata: Metadata = { title: "Create your account" };

// proxy.ts serves /sign-up from here when the request has a session cookie or a query.
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [session, params] = await Promise.all([getCurrentSession(), searchParams]);
  const plan = parsePlanChoice(params);
  if (session) redirect(plan ? `/onboarding?${planChoiceQuery(plan)}` : "/organizations");
  return <SignUpCard email={params.email} plan={plan} />;
}
