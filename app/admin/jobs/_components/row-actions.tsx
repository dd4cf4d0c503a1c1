import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/forms/form-state";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

const reasonField = {
  name: "reason",
  label: "Reason",
  type: "textarea",
  maxLength: 500,
  description: "Kept in the audit log with your name.",
} as const;

/** Retry and discard for one row, behind a disclosure so the table stays readable. */
export function RowActions({
  subject,
  hidden,
  retry,
  discard,
  confirmIdentity,
}: {
  subject: string;
  hidden: Record<string, string>;
  retry: FormAction;
  discard: FormAction;
  confirmIdentity: ReactNode;
}) {
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium text-zinc-700 underline-offset-2 hover:underline focus-visible:outline-2 dark:text-zinc-300">
        Retry or discard<span className="sr-only"> {subject}</span>
      </summary>
      <div className="mt-3 grid w-72 gap-6">
        <ActionForm
          action={retry}
          hidden={hidden}
          fields={[reasonField]}
          submitLabel="Retry now"
          pendingLabel="Retrying…"
          reauthenticate={confirmIdentity}
        />
        <ActionForm
          action={discard}
          hidden={hidden}
          fields={[reasonField]}
          submitLabel="Discard"
          pendingLabel="Discarding…"
          submitVariant="secondary"
          reauthenticate={confirmIdentity}
        />
      </div>
    </details>
  );
}
