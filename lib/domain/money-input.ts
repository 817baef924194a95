/**
 * Money as a cashier types it ("150", "150.5", "1,234.50", "1.234,50", "$ 99")
 * → integer minor units of a currency with `digits` decimals; NaN when it is
 * not an amount or has more decimals than the currency. The last "." or ","
 * followed by 1..digits digits is the decimal mark; other marks group thousands.
 */
export function parseMoneyInput(text: string, digits: number): number {
  const cleaned = text.replace(/[\s$€£¥]|[A-Z]{3}/gi, "");
  if (!/^\d[\d.,]*$/.test(cleaned)) return Number.NaN;
  const mark = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const decimals = mark >= 0 ? cleaned.slice(mark + 1) : "";
  const isDecimal = mark >= 0 && decimals.length >= 1 && decimals.length <= Math.max(digits, 2) && !(decimals.length === 3 && digits < 3);
  const grouped = isDecimal ? cleaned.slice(0, mark) : cleaned;
  // Thousands groups have exactly three digits ("12.3456" is a typo, not 123,456).
  if (grouped.split(/[.,]/).slice(1).some((group) => group.length !== 3)) return Number.NaN;
  const whole = grouped.replace(/[.,]/g, "");
  const fraction = isDecimal ? decimals : "";
  if (!/^\d+$/.test(whole || "0") || fraction.length > digits) return Number.NaN;
  return Number(whole || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** A quantity as typed ("2", "1.5", "0,250"); NaN otherwise. */
export function parseQuantityInput(text: string): number {
  const cleaned = text.trim().replace(",", ".");
  return /^\d+(\.\d{1,3})?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}
