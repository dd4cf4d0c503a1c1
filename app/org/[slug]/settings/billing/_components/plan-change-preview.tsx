import { formatAmount } from "@/lib/billing/plans/plans";
import { previewWording } from "@/lib/billing/manage/preview-wording";
import type { ChangePlanState } from "../actions";

type Preview = Extract<ChangePlanState, { status: "preview" }>["preview"];

/**
 * What the previewed change charges today and when the rest is due (Stripe's preview is the
 * next invoice, not a charge now); its hidden fields fix the choice, promotion code included.
 */
export function PlanChangePreview({ preview }: { preview: Preview }) {
  const words = previewWording(preview);
  return (
    <div
      role="status"
      data-testid="plan-change-preview"
      className="grid gap-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <input type="hidden" name="plan" value={preview.plan} />
      <input type="hidden" name="interval" value={preview.interval} />
      {preview.promotion ? (
        <input type="hidden" name="promotionCode" value={preview.promotion.code} />
      ) : null}
      <p className="font-medium text-zinc-950 dark:text-white">{words.today}</p>
      {words.later ? <p className="text-zinc-800 dark:text-zinc-200">{words.later}</p> : null}
      <ul className="grid gap-1 text-zinc-600 dark:text-zinc-400">
        {preview.lines.map((line, index) => (
          <li key={index} className="flex justify-between gap-4">
            <span>{line.description}</span>
            <span className="tabular-nums">{formatAmount(line.amount, preview.currency)}</span>
          </li>
        ))}
      </ul>
      {words.promotion ? (
        <p className="font-medium text-emerald-800 dark:text-emerald-300">{words.promotion}</p>
      ) : null}
      {words.prorations ? (
        <p className="text-zinc-600 dark:text-zinc-400">{words.prorations}</p>
      ) : null}
    </div>
  );
}
