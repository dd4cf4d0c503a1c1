"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { billingIntervals, type BillingInterval, type PlanId } from "@/lib/billing/plans/plans";

export type ViewerPlans = {
  signedIn: boolean;
  owned: { slug: string; name: string; plan: PlanId }[];
  next: { href: string; kind: "billing" | "onboarding" } | null;
};

let pending: Promise<ViewerPlans | null> | undefined;
function viewerPlans(): Promise<ViewerPlans | null> {
  pending ??= fetch("/pricing/mine", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<ViewerPlans>) : null))
    .catch(() => null);
  return pending;
}

function useViewerPlans() {
  const [viewer, setViewer] = useState<ViewerPlans | null>(null);
  useEffect(() => {
    let live = true;
    void viewerPlans().then((value) => live && setViewer(value));
    return () => {
      live = false;
    };
  }, []);
  return viewer;
}

type PlanCardProps = {
  plan: { id: PlanId; name: string; paid: boolean; trialDays: number };
  signUpHref: string;
  /** Name and price, above the viewer's mark. */
  head: React.ReactNode;
  /** What the plan includes, below it. */
  children: React.ReactNode;
};

/**
 * A plan's card. The page is the same for everyone; once it has loaded, a signed-in
 * viewer's organizations are marked on their plans and the buttons lead to billing.
 */
export function PlanCard({ plan, signUpHref, head, children }: PlanCardProps) {
  const viewer = useViewerPlans();
  const current = viewer?.owned.filter((o) => o.plan === plan.id) ?? [];
  const cta = !viewer?.signedIn
    ? { href: signUpHref, label: plan.paid ? `Start ${plan.trialDays}-day trial` : "Start free" }
    : viewer.next?.kind === "billing"
      ? { href: viewer.next.href, label: plan.paid ? `Choose ${plan.name}` : "Go to billing" }
      : { href: viewer.next?.href ?? signUpHref, label: "Create an organization" };
  const variant = plan.id === "pro" ? "primary" : "secondary";
  return (
    <li
      data-plan={plan.id}
      aria-current={current.length > 0 ? "true" : undefined}
      className={`grid content-start gap-5 rounded-2xl border p-6 ${
        current.length > 0
          ? "border-brand-600 ring-2 ring-brand-600/20 dark:border-brand-300"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      {head}
      {current.length > 0 ? (
        <p className="text-sm font-medium text-brand-700 dark:text-brand-300">
          Current plan of {current.map((c) => c.name).join(", ")}
        </p>
      ) : null}
      {children}
      {plan.paid ? (
        // One link per interval, shown with the interval switch (CSS only): the choice rides
        // along through sign-up and onboarding to checkout.
        billingIntervals.map((interval) => (
          <span key={interval} className={interval === "year" ? whenYearly : whenMonthly}>
            <Button
              href={withPlanChoice(cta.href, { plan: plan.id, interval })}
              variant={variant}
              fullLoad
            >
              {cta.label}
            </Button>
          </span>
        ))
      ) : (
        <Button href={cta.href} variant={variant}>
          {cta.label}
        </Button>
      )}
    </li>
  );
}

const whenYearly = "hidden group-has-[#interval-year:checked]/pricing:grid";
const whenMonthly = "grid group-has-[#interval-year:checked]/pricing:hidden";

function withPlanChoice(href: string, choice: { plan: PlanId; interval: BillingInterval }): string {
  const query = new URLSearchParams({ plan: choice.plan, interval: choice.interval });
  return `${href}${href.includes("?") ? "&" : "?"}${query}`;
}

/** Links to `/pricing?interval=year` still open on the yearly prices. */
export function IntervalFromAddress() {
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("interval") !== "year") return;
    const yearly = document.getElementById("interval-year");
    if (yearly instanceof HTMLInputElement) yearly.checked = true;
  }, []);
  return null;
}
