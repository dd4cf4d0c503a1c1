"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";
import { checkUpload, formatBytes, uploadLimits, type UploadKind } from "@/lib/storage/limits";
import type { ConfirmUpload, PrepareUpload } from "./upload-steps";

// Long enough for a 10 MB file on a slow link; the signed POST expires soon after anyway.
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * A file goes from the browser straight to the storage: the server signs a POST for this one
 * file (prepare), the browser sends it, and the server checks the stored object before it
 * records it (confirm). The size and type are checked here first only to answer sooner.
 */
export function DirectUploadForm({
  kind,
  label,
  submitLabel,
  prepare,
  confirm,
}: {
  kind: UploadKind;
  label: string;
  submitLabel: string;
  prepare: PrepareUpload;
  confirm: ConfirmUpload;
}) {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<FormState>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  const limit = uploadLimits[kind];
  const fieldError = state.status === "error" ? state.fieldErrors?.file : undefined;

  const fail = (message: string) => {
    setState({ status: "error", fieldErrors: { file: message } });
    input.current?.focus();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return fail("Choose a file.");
    const check = checkUpload(kind, { size: file.size, type: file.type });
    if (!check.ok) return fail(check.error);
    setBusy(true);
    setState({ status: "idle" });
    try {
      const prepared = await prepare({
        fileName: file.name,
        contentType: file.type,
        size: file.size,
      });
      if (!prepared.ok) return fail(prepared.error);
      const body = new FormData();
      for (const [name, value] of Object.entries(prepared.fields)) body.append(name, value);
      body.append("file", file);
      const sent = await fetch(prepared.url, {
        method: "POST",
        body,
        signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      }).catch(() => null);
      if (!sent?.ok) return fail("The file could not be uploaded. Please try again.");
      const confirmed = await confirm({ key: prepared.key, fileName: file.name });
      setState(confirmed);
      if (confirmed.status === "success") {
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        input.current?.focus();
      }
    } catch {
      fail("The file could not be uploaded. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-3" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-1.5">
        <label htmlFor={inputId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {label}
        </label>
        <input
          ref={input}
          id={inputId}
          name="file"
          type="file"
          accept={limit.types.join(",")}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${inputId}-hint${fieldError ? ` ${inputId}-error` : ""}`}
          className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-lg file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-900 dark:text-zinc-300 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
        />
        <p id={`${inputId}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          Up to {formatBytes(limit.maxBytes)}.
        </p>
        {fieldError ? (
          <p
            id={`${inputId}-error`}
            role="alert"
            className="text-sm text-red-700 dark:text-red-300"
          >
            {fieldError}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={busy} aria-disabled={busy}>
          {busy ? "Uploading…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
