import type { ReactNode } from "react";

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  description?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
};

export function Field({ id, label, error, description, aside, children }: FieldProps) {
  // The aside sits beside the label but comes after the control in the DOM, so Tab reaches the
  // next field first.
  return (
    <div className="grid grid-cols-[1fr_auto] items-baseline gap-x-3 gap-y-1.5">
      <label
        htmlFor={id}
        className="col-start-1 row-start-1 text-sm font-medium text-zinc-900 dark:text-zinc-100"
      >
        {label}
      </label>
      <div className="col-span-2 row-start-2">{children}</div>
      {aside ? <div className="col-start-2 row-start-1 justify-self-end">{aside}</div> : null}
      {description && !error ? (
        <p id={`${id}-description`} className="col-span-2 text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
      ) : null}
      {error ? (
        <p
          id={`${id}-error`}
          className="col-span-2 text-sm font-medium text-red-700 dark:text-red-400"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, error?: string, hasDescription?: boolean) {
  const ids = [
    error ? `${id}-error` : null,
    !error && hasDescription ? `${id}-description` : null,
  ].filter(Boolean);
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  } as const;
}

export const inputClassName =
  "block h-11 w-full rounded-lg border border-zinc-300 bg-white px-3 text-base text-zinc-950 shadow-xs placeholder:text-zinc-400 focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600/30 aria-invalid:border-red-600 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-50 dark:aria-invalid:border-red-400";
