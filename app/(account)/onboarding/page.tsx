import type { Metadata } from "next";
import Link from "next/link";
import { Callout } from "@/components/ui/callout";
import { requireVerifiedSession } from "@/lib/auth/current-session";
import { parsePlanChoice } from "@/lib/billing/plans/plan-choice";
import { rememberedPlanChoice } from "@/lib/billing/plans/plan-choice-cookie";
import { plans } from "@/lib/billing/plans/plans";
import { env } from "@/lib/env";
import { createOrganizationForm } from "../organizations/actions";
import { CreateOrganizationForm } from "./create-organization-form";

export const metadata: Metadata = { title: "Create an organization", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A new organization: name it, pick its address, land on it (or in checkout, for a chosen plan). */
export default async function OnboardingPage({ searchParams }: { searchParams: SearchParams }) {
  await requireVerifiedSession("/onboarding");
  const plan = parsePlanChoice(await searchParams) ?? (await rememberedPlanChoice());
  return (
    <div className="grid gap-8">
      <p className="text-sm">
        <Link href="/organizations" className="text-zinc-600 underline dark:text-zinc-400">
          ← Your organizations
        </Link>
      </p>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Create an organization
        </h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          An organization holds your team’s projects and members. You will be its owner, and you can
          invite teammates once it exists.
        </p>
        {plan ? (
          <Callout tone="neutral" className="mt-4">
            You chose {plans[plan.plan].name}, billed{" "}
            {plan.interval === "year" ? "yearly" : "monthly"}. Once the organization exists, you go
            to its billing page with that plan ready for checkout.
          </Callout>
        ) : null}
      </header>
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <CreateOrganizationForm
          action={createOrganizationForm}
          rootDomain={env.rootDomain}
          plan={plan}
        />
      </div>
    </div>
  );
}
