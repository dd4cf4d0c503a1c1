"use client";

import { useActionState, useId } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleFormState, type FormState } from "@/lib/forms/form-state";
import { PromotionCodeField } from "./promotion-code-field";

/**
 * One paid plan on the billing page: monthly or yearly (radio buttons, so the keyboard
 * and a no-JavaScript form post both work), an optional promotion code (without one,
 * Checkout offers its own field) and the button that opens Stripe Checkout.
 */
export function PlanCheckoutCard({
  action,
  plan,
  name,
  tagline,
  highlights,
  prices,
  trialDays,
  chosenInterval,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  plan: string;
  name: string;
  tagline: string;
  highlights: readonly string[];
  prices: { month: string; year: string };
  trialDays: number;
  /** The plan picked before sign-up: marked, with its interval selected. */
  chosenInterval?: "month" | "year";
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  const id = useId();
  const codeError = state.status === "error" ? state.fieldErrors?.promotionCode : undefined;
  const typedCode = state.status === "error" ? (state.values?.promotionCode ?? "") : "";
  return (
    <form
      action={formAction}
      aria-labelledby={`${id}-name`}
      data-chosen={chosenInterval ? "true" : undefined}
      className={`grid content-start gap-4 rounded-2xl border p-6 ${
        chosenInterval
          ? "border-brand-600 ring-2 ring-brand-600/20 dark:border-brand-300"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <input type="hidden" name="plan" value={plan} />
      <div>
        <h3 id={`${id}-name`} className="text-lg font-semibold text-zinc-950 dark:text-white">
          {name}
        </h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{tagline}</p>
        {chosenInterval ? (
          <p className="mt-1 text-sm font-medium text-brand-700 dark:text-brand-300">Your choice</p>
        ) : null}
      </div>
      <fieldset className="grid gap-2">
        <legend className="sr-only">Billing interval for {name}</legend>
        <label className="flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
          <input
            type="radio"
            name="interval"
            value="month"
            defaultChecked={chosenInterval !== "year"}
          />
          {prices.month} per seat, monthly
        </label>
        <label className="flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
          <input
            type="radio"
            name="interval"
            value="year"
            defaultChecked={chosenInterval === "year"}
          />
          {prices.year} per seat, yearly
        </label>
      </fieldset>
      <ul className="grid gap-1 text-sm text-zinc-600 dark:text-zinc-400">
        {highlights.map((h) => (
          <li key={h}>✓ {h}</li>
        ))}
      </ul>
      <PromotionCodeField id={`${id}-code`} typed={typedCode} error={codeError} />
      {/* The code's own error sits under its field. */}
      <FormAlert state={codeError ? idleFormState : state} />
      <SubmitButton pendingLabel="Opening checkout…">
        {trialDays > 0 ? `Start ${trialDays}-day ${name} trial` : `Upgrade to ${name}`}
      </SubmitButton>
    </form>
  );
}
