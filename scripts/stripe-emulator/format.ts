/** Human-readable amounts and dates for invoice line descriptions and the HTML pages. */
import type Stripe from "stripe";

/** Currencies Stripe bills in whole units, where 500 means 500 rather than 5.00. */
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);

export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  const value = ZERO_DECIMAL.has(currency.toLowerCase()) ? amount : amount / 100;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: code }).format(value);
  } catch {
    return `${value.toFixed(2)} ${code}`;
  }
}

export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** "$20.00 / month", "$200.00 / 2 years", or just the amount for one-time prices. */
export function formatPrice(price: Stripe.Price): string {
  const amount = formatMoney(price.unit_amount ?? 0, price.currency);
  const recurring = price.recurring;
  if (!recurring) return amount;
  const every =
    recurring.interval_count === 1
      ? recurring.interval
      : `${recurring.interval_count} ${recurring.interval}s`;
  return `${amount} / ${every}`;
}
