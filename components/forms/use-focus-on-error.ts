"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/forms/form-state";

// Keyboard and screen-reader users land on what needs fixing.
export function useFocusOnError(state: FormState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") {
      // A form replaced by its confirmation: focus the confirmation, not the page.
      document.querySelector<HTMLElement>("[data-form-status]")?.focus();
      return;
    }
    if (state.status !== "error") return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>("[aria-invalid='true']") ??
      form?.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  }, [state]);
  return formRef;
}
