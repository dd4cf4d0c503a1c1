"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { buttonClassName } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import type { ChangePlanState } from "../actions";
import { PlanChangePreview } from "./plan-change-preview";
import { PromotionCodeField } from "./promotion-code-field";
import { Choice, type Option } from "./plan-choice";

/**
 * Change plan with a preview: pick a plan and interval (and a promotion code), see what is
 * due today and when the next invoice is charged (prorations and discount included), then confirm. While the preview shows, the choice is fixed
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
  // After a refused preview the form resets: it comes back with what was chosen, not the current plan.
  const chosen = preview ?? (state.status === "error" ? state.choice : undefined) ?? current;
  const locked = Boolean(preview);
  const codeError = state.status === "error" ? state.fieldErrors?.promotionCode : undefined;
  const typedCode = state.status === "error" ? (state.promotionCode ?? "") : "";
  const codeRef = useRef<HTMLInputElement>(null);
  // Keyboard and screen-reader users land on the code that needs fixing.
  useEffect(() => {
    if (codeError) codeRef.current?.focus();
  }, [state, codeError]);
  return (
    <form action={formAction} className="grid gap-4">
      {/* Remounted per preview, so the selects show what is being confirmed. */}
      <div
        key={`${preview ? "preview" : "choose"}-${chosen.plan}-${chosen.interval}`}
        className="grid gap-4 sm:grid-cols-2"
      >
        <Choice
          id={`${id}-plan`}
          label="Plan"
          name="plan"
          options={plans}
          value={chosen.plan}
          locked={locked}
        />
        <Choice
          id={`${id}-interval`}
          label="Billing"
          name="interval"
          options={intervals}
          value={chosen.interval}
          locked={locked}
        />
      </div>
      {locked ? null : (
        <PromotionCodeField
          id={`${id}-code`}
          typed={typedCode}
          error={codeError}
          inputRef={codeRef}
        />
      )}
      {state.status === "error" && !codeError ? (
        <Callout tone="error">{state.message}</Callout>
      ) : null}
      {state.status === "done" ? <Callout tone="success">{state.message}</Callout> : null}
      {preview ? <PlanChangePreview preview={preview} /> : null}
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
