import type { PlanChangePreview } from "./plan-change";
import { currencyFormat } from "@/lib/format/numbers";

// Stripe's preview is the next invoice, often not charged now (trial, held prorations): so we say
// what is charged today and when the rest is, never "due now".

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Always with cents, so "$0.00" reads as an amount and not as a missing one. */
export function money(amount: number, currency: string): string {
  const sign = amount < 0 ? "−" : "";
  return `${sign}${currencyFormat(currency, 2).format(Math.abs(amount) / 100)}`;
}

export type PreviewWording = {
  today: string;
  later: string | null;
  prorations: string | null;
  promotion: string | null;
};

type Wordable = Pick<
  PlanChangePreview,
  "currency" | "amountDue" | "dueToday" | "due" | "prorations" | "promotion"
>;

export function previewWording(preview: Wordable): PreviewWording {
  const amount = (value: number) => money(value, preview.currency);
  const due = preview.due;
  const later =
    due.on === "trial_end"
      ? `Due on ${dateFormat.format(new Date(due.date))}, when the trial ends: ${amount(preview.amountDue)}`
      : due.on === "renewal"
        ? `Due on ${dateFormat.format(new Date(due.date))}, the next billing date: ${amount(preview.amountDue)}`
        : null;
  const prorations =
    preview.prorations === 0 || due.on === "trial_end"
      ? null
      : due.on === "now"
        ? `Includes ${amount(preview.prorations)} of credits and charges for the change.`
        : `Includes ${amount(preview.prorations)} of prorated ${preview.prorations < 0 ? "credit" : "charges"} for the rest of the current period.`;
  const promotion = preview.promotion
    ? `Promotion code ${preview.promotion.code} (${preview.promotion.summary}): ${amount(-preview.promotion.amountOff)}`
    : null;
  return { today: `Due today: ${amount(preview.dueToday)}`, later, prorations, promotion };
}
