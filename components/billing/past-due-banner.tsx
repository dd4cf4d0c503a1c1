import Link from "next/link";
import { mediumDate as date } from "@/lib/format/dates";

export function PastDueBanner({
  organizationName,
  readOnly,
  readOnlyFrom,
  canManageBilling,
}: {
  organizationName: string;
  readOnly: boolean;
  readOnlyFrom: Date | null;
  canManageBilling: boolean;
}) {
  const what = readOnly
    ? `${organizationName} is read-only until its overdue invoice is paid.`
    : `The last payment for ${organizationName} failed.${readOnlyFrom ? ` Unless it is paid by ${date.format(readOnlyFrom)}, the organization becomes read-only.` : ""}`;
  // Present when the page loads, so a polite status: an alert would interrupt on every page.
  return (
    <div
      role="status"
      data-testid="past-due-banner"
      className="border-b border-red-200 bg-red-50 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/50 dark:text-red-100"
    >
      <p className="mx-auto max-w-6xl px-5 py-3 sm:px-6 lg:px-8">
        {what}{" "}
        {canManageBilling ? (
          <Link href="/settings/billing" className="font-medium underline underline-offset-2">
            Update the payment method
          </Link>
        ) : (
          "An owner can update the payment method."
        )}
      </p>
    </div>
  );
}
