import { IntentLink } from "@/components/ui/intent-link";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import type { Checklist } from "@/lib/onboarding/checklist";
import { dismissChecklistForm } from "../actions";

function Mark({ done }: { done: boolean }) {
  // The word is in the item's text for screen readers; the mark is shape as well as colour.
  return (
    <span
      aria-hidden="true"
      className={`flex size-6 shrink-0 items-center justify-center rounded-full border text-sm ${
        done
          ? "border-emerald-600 bg-emerald-600 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-emerald-950"
          : "border-zinc-300 text-transparent dark:border-zinc-600"
      }`}
    >
      ✓
    </span>
  );
}

/** What a new organization does first; each item ticks itself from the organization's state. */
export function OnboardingChecklist({ checklist }: { checklist: Checklist }) {
  const { items, completed } = checklist;
  return (
    <section
      aria-labelledby="getting-started"
      className="grid gap-4 rounded-2xl border border-brand-200 bg-white p-6 shadow-sm dark:border-brand-900 dark:bg-zinc-900"
    >
      <div>
        <h2 id="getting-started" className="text-lg font-semibold text-zinc-950 dark:text-white">
          Getting started
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {completed} of {items.length} done.
        </p>
      </div>
      <ul className="grid gap-3">
        {items.map((item) => (
          <li key={item.id} className="flex items-start gap-3" data-done={item.done}>
            <Mark done={item.done} />
            <div className="min-w-0">
              <p
                className={`text-sm font-medium ${item.done ? "text-zinc-500 line-through dark:text-zinc-400" : "text-zinc-950 dark:text-white"}`}
              >
                {item.href && !item.done ? (
                  <IntentLink
                    href={item.href}
                    className="text-brand-700 underline underline-offset-2 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
                  >
                    {item.label}
                  </IntentLink>
                ) : (
                  item.label
                )}
                <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
              </p>
              {item.done ? null : (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{item.hint}</p>
              )}
            </div>
          </li>
        ))}
      </ul>
      {checklist.canDismiss ? (
        <div>
          <StatusButtonForm
            action={dismissChecklistForm}
            label="Dismiss checklist"
            pendingLabel="Dismissing…"
            variant="ghost"
          />
        </div>
      ) : null}
    </section>
  );
}
