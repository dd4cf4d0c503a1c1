import Link from "next/link";
import type { FormState } from "@/lib/forms/form-state";

// The billing link is relative, so it stays on the organization's subdomain.
export function FormAlert({ state }: { state: FormState }) {
  if (state.status === "error" && state.message) {
    return (
      <p
        role="alert"
        tabIndex={-1}
        data-form-alert
        className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 focus:outline-none dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
      >
        {state.message}
        {(state.code === "plan_limit" && state.upgrade === "link") || state.code === "read_only" ? (
          <>
            {" "}
            <Link href="/settings/billing" className="font-medium underline underline-offset-2">
              {state.code === "plan_limit" ? "See plans and upgrade" : "Go to billing"}
            </Link>
          </>
        ) : null}
        {state.code === "plan_limit" && state.upgrade === "ask"
          ? " An owner can upgrade on the billing page."
          : null}
      </p>
    );
  }
  if (state.status === "success") {
    return (
      <p
        role="status"
        tabIndex={-1}
        data-form-status
        className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-100"
      >
        {state.message}
      </p>
    );
  }
  return null;
}
