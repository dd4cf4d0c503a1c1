import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { MonthMetrics } from "@/lib/metrics/derive";
import { recordSpendForm } from "../actions";

/** Sales and marketing spend per month: CAC divides it by the month's new paying customers. */
export function SpendForm({
  months,
  reauthenticate,
}: {
  months: readonly MonthMetrics[];
  reauthenticate: ReactNode;
}) {
  const newestFirst = [...months].reverse();
  const options = newestFirst.map((m) => ({
    value: m.month,
    label: `${m.month}${m.spend === null ? " (not entered)" : ` (${(m.spend / 100).toFixed(2)} entered)`}`,
  }));
  return (
    <ActionForm
      action={recordSpendForm}
      submitLabel="Save spend"
      pendingLabel="Saving…"
      reauthenticate={reauthenticate}
      fields={[
        {
          name: "month",
          label: "Month",
          type: "select",
          options,
          defaultValue: newestFirst[1]?.month,
        },
        {
          name: "amount",
          label: "Sales and marketing spend (USD)",
          inputMode: "text",
          description: "Everything spent to win customers that month. Saving again replaces it.",
          maxLength: 20,
        },
      ]}
    />
  );
}
