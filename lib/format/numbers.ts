// Built once and reused: an Intl formatter costs far more to build than to use.

/** "12,345" */
export const wholeNumber = new Intl.NumberFormat("en-US");

const currencies = new Map<string, Intl.NumberFormat>();

/** "$1,234.50" for a currency code and the fewest fraction digits to show (0 or 2). */
export function currencyFormat(
  code: string,
  minimumFractionDigits: number,
  maximumFractionDigits?: number,
): Intl.NumberFormat {
  const key = `${code.toUpperCase()}:${minimumFractionDigits}:${maximumFractionDigits ?? ""}`;
  let format = currencies.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: code.toUpperCase(),
      minimumFractionDigits,
      ...(maximumFractionDigits === undefined ? {} : { maximumFractionDigits }),
    });
    currencies.set(key, format);
  }
  return format;
}
