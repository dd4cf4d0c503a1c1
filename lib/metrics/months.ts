// UTC months are [start, next start): an event at 00:00 on the 1st belongs to the month it opens.

export type MonthKey = `${number}-${string}`;

export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

export function monthKey(date: Date): MonthKey {
  return date.toISOString().slice(0, 7) as MonthKey;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
  return monthPattern.test(value);
}

export function monthFromKey(key: MonthKey): Date {
  const [year, month] = key.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, 1));
}

export function reportingMonths(now: Date, closed = 24): Date[] {
  const current = monthStart(now);
  return Array.from({ length: closed + 1 }, (_, i) => addMonths(current, i - closed));
}

export function monthEnd(start: Date, now: Date): Date {
  const next = addMonths(start, 1);
  return next > now ? now : next;
}
