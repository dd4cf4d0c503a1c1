import { formatAmount } from "@/lib/billing/plans/plans";
import type { ChangePlanState } from "../actions";

type Preview = Extract<ChangePlanState, { status: "preview" }>["preview"];

/** What Stripe will charge now for the previewed change; its hidden fields fix the choice. */
export function PlanChangePreview({ preview }: { preview: Preview }) {
  return (
    <div
      role="status"
      className="grid gap-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <input type="hidden" name="plan" value={preview.plan} />
      <input type="hidden" name="interval" value={preview.interval} />
      <p className="font-medium text-zinc-950 dark:text-white">
        Due now: {formatAmount(preview.amountDue, preview.currency)}
      </p>
      <ul className="grid gap-1 text-zinc-600 dark:text-zinc-400">
        {preview.lines.map((line, index) => (
          <li key={index} className="flex justify-between gap-4">
            <span>{line.description}</span>
            <span className="tabular-nums">{formatAmount(line.amount, preview.currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
