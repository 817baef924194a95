/** Minor-unit digits of a currency (USD 2, CLP 0, KWD 3), from the runtime's ICU data. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Converts a decimal amount to integer minor units, refusing more decimals than
 * the currency has (12.345 USD is a mistake, not something to round silently).
 */
export function toMinorUnits(amount: number, currency: string): number {
  const digits = currencyDigits(currency);
  const scaled = amount * 10 ** digits;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) > 1e-6) throw new RangeError(`${amount} has more than ${digits} decimals for ${currency}`);
  return rounded;
}

export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
