import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { getCurrentSession } from "@/lib/auth/current-session";
import { plansOfOrganizationsManagedBy } from "@/lib/billing/plans/owned-plans";
import { formatAmount, planIds, plans, type BillingInterval } from "@/lib/billing/plans/plans";
import { env } from "@/lib/env";
import { organizationUrl } from "@/lib/tenancy/links";

export const metadata: Metadata = {
  title: "Pricing",
  description:
    "Free for small teams; Pro and Business per seat, monthly or yearly, with a 14-day trial.",
};

type PricingPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Generated from lib/billing/plans/plans.ts: change a plan there and this page follows. The
 * monthly/yearly toggle is a pair of links, so it works from the keyboard and without
 * JavaScript. Signed-in owners see which plan each of their organizations is on.
 */
export default async function PricingPage({ searchParams }: PricingPageProps) {
  const interval: BillingInterval = (await searchParams).interval === "year" ? "year" : "month";
  const session = await getCurrentSession();
  const owned = session ? await plansOfOrganizationsManagedBy(session.user.id) : [];

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-10 px-5 py-14 sm:px-6 lg:px-8">
      <header className="grid gap-3 text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Pricing
        </h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          Start free. Paid plans are per member, with a 14-day trial: the card you add at checkout
          is charged only when the trial ends.
        </p>
        <nav
          aria-label="Billing interval"
          className="mx-auto mt-2 inline-flex rounded-lg border border-zinc-200 p-1 dark:border-zinc-800"
        >
          {(["month", "year"] as const).map((value) => (
            <Link
              key={value}
              href={value === "month" ? "/pricing" : "/pricing?interval=year"}
              aria-current={interval === value ? "page" : undefined}
              className={`rounded-md px-4 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600 ${
                interval === value
                  ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900"
                  : "text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
              }`}
            >
              {value === "month" ? "Monthly" : "Yearly (2 months free)"}
            </Link>
          ))}
        </nav>
      </header>

      <ul className="grid gap-6 md:grid-cols-3">
        {planIds.map((id) => {
          const plan = plans[id];
          const current = owned.filter((o) => o.plan === id);
          const price = plan.prices?.[interval];
          const firstOwned = owned[0];
          const cta = !session
            ? {
                href: `${env.appUrl}/sign-up`,
                label: plan.prices ? `Start ${plan.trialDays}-day trial` : "Start free",
              }
            : firstOwned
              ? {
                  href: organizationUrl(firstOwned.slug, "/settings/billing"),
                  label: plan.prices ? `Choose ${plan.name}` : "Go to billing",
                }
              : { href: `${env.appUrl}/onboarding`, label: "Create an organization" };
          return (
            <li
              key={id}
              data-plan={id}
              aria-current={current.length > 0 ? "true" : undefined}
              className={`grid content-start gap-5 rounded-2xl border p-6 ${
                current.length > 0
                  ? "border-brand-600 ring-2 ring-brand-600/20 dark:border-brand-300"
                  : "border-zinc-200 dark:border-zinc-800"
              }`}
            >
              <div className="grid gap-1">
                <h2 className="text-xl font-semibold text-zinc-950 dark:text-white">{plan.name}</h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{plan.tagline}</p>
              </div>
              <p className="text-3xl font-semibold text-zinc-950 dark:text-white">
                {price ? formatAmount(price.amount) : "$0"}
                <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">
                  {price ? ` per member / ${interval}` : " forever"}
                </span>
              </p>
              {current.length > 0 ? (
                <p className="text-sm font-medium text-brand-700 dark:text-brand-300">
                  Current plan of {current.map((c) => c.name).join(", ")}
                </p>
              ) : null}
              <ul className="grid gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                {plan.highlights.map((h) => (
                  <li key={h}>✓ {h}</li>
                ))}
                {plan.trialDays > 0 ? <li>✓ {plan.trialDays}-day free trial</li> : null}
              </ul>
              <Button href={cta.href} variant={plan.id === "pro" ? "primary" : "secondary"}>
                {cta.label}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
