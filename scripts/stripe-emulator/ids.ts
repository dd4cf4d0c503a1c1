/** Stripe-looking identifiers and the clock every object is stamped with. */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = "";
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** `newId("cus")` → `cus_…`; checkout sessions carry Stripe's longer `cs_test_…` form. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomToken(length)}`;
}

/** Unix seconds, the unit of every Stripe timestamp. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export const DAY = 86_400;

/**
 * Adds billing intervals in UTC calendar terms (a month from 31 Jan lands on 3 Mar in
 * JavaScript; Stripe clamps to the month's last day, so this clamps too).
 */
export function addInterval(start: number, interval: string, count = 1): number {
  const date = new Date(start * 1000);
  switch (interval) {
    case "day":
      return start + count * DAY;
    case "week":
      return start + count * 7 * DAY;
    case "year":
      return addMonths(date, 12 * count);
    case "month":
    default:
      return addMonths(date, count);
  }
}

function addMonths(date: Date, months: number): number {
  const day = date.getUTCDate();
  const shifted = new Date(date.getTime());
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0),
  ).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return Math.floor(shifted.getTime() / 1000);
}
