"use client";

import { useActionState, useId } from "react";
import { inputClassName } from "@/components/forms/field";
import { buttonClassName } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ChangePlanState } from "@/app/org/[slug]/settings/billing/actions";
import { formatAmount } from "@/lib/billing/plans";
import { Callout } from "@/components/ui/callout";

type Option = { value: string; label: string };

/**
 * Change plan with a preview: pick a plan and interval, see what Stripe will charge now
 * (prorations included), then confirm. While the preview shows, the choice is fixed
 * (hidden fields carry it), so "Confirm" makes exactly the change that was previewed;
 * "Back" unlocks it. Nothing changes until "Confirm".
 */
export function ChangePlanForm({
  action,
  plans,
  intervals,
  current,
}: {
  action: (state: ChangePlanState, formData: FormData) => Promise<ChangePlanState>;
  plans: Option[];
  intervals: Option[];
  current: { plan: string; interval: string };
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ChangePlanState);
  const id = useId();
  const preview = state.status === "preview" ? state.preview : null;
  const chosen = preview ?? current;
  const labelClass = "grid gap-1.5 text-sm font-medium text-zinc-900 dark:text-zinc-100";
  return (
    <form action={formAction} className="grid gap-4">
      {/* Remounted per preview, so the selects show what is being confirmed. */}
      <div
        key={preview ? `${preview.plan}-${preview.interval}` : "choose"}
        className="grid gap-4 sm:grid-cols-2"
      >
        <label className={labelClass} htmlFor={`${id}-plan`}>
          Plan
          <select
            id={`${id}-plan`}
            name={preview ? undefined : "plan"}
            defaultValue={chosen.plan}
            disabled={Boolean(preview)}
            className={inputClassName}
          >
            {plans.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass} htmlFor={`${id}-interval`}>
          Billing
          <select
            id={`${id}-interval`}
            name={preview ? undefined : "interval"}
            defaultValue={chosen.interval}
            disabled={Boolean(preview)}
            className={inputClassName}
          >
            {intervals.map((i) => (
              <option key={i.value} value={i.value}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.status === "error" ? <Callout tone="error">{state.message}</Callout> : null}
      {state.status === "done" ? <Callout tone="success">{state.message}</Callout> : null}
      {preview ? (
        <div
          role="status"
          className="grid gap-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
        >
          <input type="hidden" name="plan" value={preview.plan} />
          <input type="hidden" name="interval" value={preview.interval} />
          <p className="font-medium text-zinc-950 dark:text-white">
            Due now: {formatAmount(preview.amountDue, preview.currency)}
          </p>
          <ul className="grid gap-1 text-zinc-600 dark:text-zinc-400">
            {preview.lines.map((line, index) => (
              <li key={index} className="flex justify-between gap-4">
                <span>{line.description}</span>
                <span className="tabular-nums">{formatAmount(line.amount, preview.currency)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {preview ? (
          <>
            <SubmitButton name="intent" value="confirm" pendingLabel="Changing…" className="w-auto">
              Confirm change
            </SubmitButton>
            <button
              type="submit"
              name="intent"
              value="back"
              className={buttonClassName({ variant: "ghost", size: "md" })}
            >
              Back
            </button>
          </>
        ) : (
          <SubmitButton
            name="intent"
            value="preview"
            variant="secondary"
            pendingLabel="Asking Stripe…"
            className="w-auto"
          >
            Preview change
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
