/** COPY text format: tab-separated fields, `\N` for null, backslash escapes for tab, newline, CR and backslash. */
export type CopyValue = string | number | boolean | null | undefined;

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

export function copyRow(values: CopyValue[]): string {
  return values.map(copyField).join("\t") + "\n";
}
