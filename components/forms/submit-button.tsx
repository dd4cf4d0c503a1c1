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
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={buttonClassName({ variant, size: "md", className: className ?? "w-full" })}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
