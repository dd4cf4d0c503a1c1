"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClassName, type ButtonVariant } from "@/components/ui/button";

/** A submit button that shows the form is working and cannot be pressed twice meanwhile. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className,
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Sent with the form when this button submits it (a form with several intents). */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={buttonClassName({ variant, size: "md", className: className ?? "w-full" })}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
