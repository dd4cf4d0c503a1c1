import type { Ref } from "react";
import { describedBy, Field, inputClassName } from "@/components/forms/field";

type PromotionCodeFieldProps = {
  id: string;
  /** What was typed before a refused submit, so the field keeps it beside its error. */
  typed: string;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
};

/** The optional promotion code of a plan change or a Checkout, checked by the server. */
export function PromotionCodeField({ id, typed, error, inputRef }: PromotionCodeFieldProps) {
  return (
    <Field id={id} label="Promotion code (optional)" {...(error ? { error } : {})}>
      <input
        ref={inputRef}
        // Remounted with what was typed when a submit comes back refused.
        key={typed}
        id={id}
        name="promotionCode"
        defaultValue={typed}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        className={inputClassName}
        {...describedBy(id, error)}
      />
    </Field>
  );
}
