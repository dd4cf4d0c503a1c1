import { ActionForm } from "@/components/forms/action-form";
import { magicLinkAction } from "../actions";

/** The email-link alternative, folded away under the password form (a native disclosure). */
export function MagicLinkDetails({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <details className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <summary className="cursor-pointer text-sm font-medium text-zinc-800 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-zinc-200">
        Email me a sign-in link instead
      </summary>
      <div className="mt-4">
        <ActionForm
          action={magicLinkAction}
          hideOnSuccess
          hidden={{ callbackUrl }}
          submitVariant="secondary"
          submitLabel="Email me a link"
          pendingLabel="Sending…"
          fields={[
            {
              name: "email",
              label: "Email for the link",
              type: "email",
              autoComplete: "email",
              inputMode: "email",
            },
          ]}
        />
      </div>
    </details>
  );
}
