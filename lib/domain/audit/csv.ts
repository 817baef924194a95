/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes
 * doubled; lines end in CRLF. Text starting with = + - @ (or a tab / CR) is
 * prefixed with an apostrophe so spreadsheets do not run it as a formula
 * (OWASP "CSV injection").
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
