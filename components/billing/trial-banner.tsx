import Link from "next/link";
import { describeTrialTimeLeft, type TrialTimeLeft } from "@/lib/billing/trial/days-left";

/**
 * The days left in the organization's trial. A polite status present when the page loads, like
 * the past-due banner: an alert would be read out again on every navigation.
 */
export function TrialBanner({
  left,
  planName,
  canManageBilling,
}: {
  left: Exclude<TrialTimeLeft, { kind: "ended" }>;
  planName: string;
  canManageBilling: boolean;
}) {
  return (
    <div
      role="status"
      data-testid="trial-banner"
      className="border-b border-sky-200 bg-sky-50 text-sm text-sky-950 dark:border-sky-900/60 dark:bg-sky-950/50 dark:text-sky-100"
    >
      <p className="mx-auto max-w-6xl px-5 py-3 sm:px-6 lg:px-8">
        {planName} trial: {describeTrialTimeLeft(left)}
        {canManageBilling ? (
          <>
            {" — "}
            <Link href="/settings/billing" className="font-medium underline underline-offset-2">
              choose a plan
            </Link>
          </>
        ) : (
          ". An owner can choose a plan on the billing page."
        )}
      </p>
    </div>
  );
}
