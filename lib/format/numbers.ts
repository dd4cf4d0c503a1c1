export const wholeNumber = new Intl.NumberFormat("en-US");

const currencies = new Map<string, Intl.NumberFormat>();

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
