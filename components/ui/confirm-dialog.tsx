"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { inputClassName } from "@/components/forms/field";
import { buttonClassName } from "./button";

export const dangerButtonClassName =
  "inline-flex h-10 shrink-0 items-center justify-center gap-2 rounded-lg bg-red-700 px-4 text-sm font-medium whitespace-nowrap text-white shadow-sm transition-colors hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:pointer-events-none disabled:opacity-50 dark:bg-red-600 dark:text-white dark:hover:bg-red-500 dark:focus-visible:outline-red-400";

export type TypeToConfirm = {
  /** What must be typed back, exactly (surrounding spaces ignored). */
  value: string;
  /** The field's name in the form: the server checks it again. */
  name: string;
  label?: string;
};

type ConfirmDialogProps = {
  triggerLabel: string;
  /** The dialog's heading, which also names it for assistive technology. */
  title: string;
  /** What happens if the user goes ahead: read out with the dialog. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  typeToConfirm?: TypeToConfirm;
  /** Trigger style: destructive actions in a danger zone get the red one. */
  triggerVariant?: "danger" | "secondary" | "ghost";
};

/**
 * A confirmation step for destructive actions, placed INSIDE the form it submits: its confirm
 * button is that form's submit button, so the action and its pending state stay the form's.
 * A native modal <dialog>: the browser traps focus, Escape cancels, and focus goes back to the
 * button that opened it.
 */
export function ConfirmDialog({
  triggerLabel,
  title,
  children,
  confirmLabel,
  pendingLabel,
  typeToConfirm,
  triggerVariant = "secondary",
}: ConfirmDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const [typed, setTyped] = useState("");
  const { pending } = useFormStatus();
  const wasPending = useRef(false);

  // The action answered without leaving the page (an error, or a success shown in place):
  // close, so the form's message is what the user reads next.
  useEffect(() => {
    if (wasPending.current && !pending) dialogRef.current?.close();
    wasPending.current = pending;
  }, [pending]);

  const matches = !typeToConfirm || typed.trim() === typeToConfirm.value;
  const triggerClass =
    triggerVariant === "danger"
      ? dangerButtonClassName
      : buttonClassName({ variant: triggerVariant, className: "w-auto" });

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        disabled={pending}
        className={triggerClass}
        onClick={() => {
          setTyped("");
          dialogRef.current?.showModal();
          // The field to type into, or Cancel: never the destructive button.
          firstRef.current?.focus();
        }}
      >
        {pending ? (pendingLabel ?? "Working…") : triggerLabel}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        data-confirm-dialog
        onClose={() => triggerRef.current?.focus()}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-6 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold text-zinc-950 dark:text-white">
          {title}
        </h2>
        <div
          id={`${id}-description`}
          className="mt-2 grid gap-3 text-sm leading-6 text-zinc-700 dark:text-zinc-300"
        >
          {children}
        </div>
        {typeToConfirm ? (
          <div className="mt-4 grid gap-1.5">
            <label htmlFor={`${id}-typed`} className="text-sm font-medium">
              {typeToConfirm.label ?? `Type “${typeToConfirm.value}” to confirm`}
            </label>
            <input
              ref={firstRef}
              id={`${id}-typed`}
              name={typeToConfirm.name}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className={inputClassName}
            />
          </div>
        ) : null}
        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {/* Before the confirm button, so showModal focuses it (or the field): Enter alone never destroys. */}
          <button
            ref={typeToConfirm ? undefined : firstRef}
            type="button"
            className={buttonClassName({ variant: "secondary" })}
            onClick={() => dialogRef.current?.close()}
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={!matches || pending}
            aria-disabled={!matches || pending}
            className={dangerButtonClassName}
          >
            {pending ? (pendingLabel ?? "Working…") : confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
