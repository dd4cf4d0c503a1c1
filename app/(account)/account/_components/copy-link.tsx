"use client";

import { useState } from "react";
import { buttonClassName } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

/**
 * A read-only field with the link and a real button to copy it (Enter or Space from the
 * keyboard). The outcome is announced in words through a polite live region; when the
 * clipboard is refused, the field's text is selected so it can be copied by hand.
 */
export function CopyLink({ id, label, value }: { id: string; label: string; value: string }) {
  const [state, setState] = useState<CopyState>("idle");
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      const field = document.getElementById(id);
      if (field instanceof HTMLInputElement) field.select();
      setState("failed");
    }
  };
  return (
    <div className="grid gap-2">
      <label htmlFor={id} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 basis-64 rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className={buttonClassName({ variant: "secondary", size: "sm" })}
        >
          Copy link
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className="min-h-5 text-sm text-zinc-600 dark:text-zinc-400"
      >
        {state === "copied"
          ? "Link copied."
          : state === "failed"
            ? "Could not copy: the link is selected, press Ctrl+C (or ⌘C) to copy it."
            : ""}
      </p>
    </div>
  );
}
