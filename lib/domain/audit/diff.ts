import { canonicalJson } from "../canonical-json";

export type FieldChange = { field: string; before: unknown; after: unknown };

/**
 * What an audit entry changed, field by field: top-level keys whose values
 * differ between `before` and `after` (a creation has no before, a removal no after).
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => canonicalJson(b[k] ?? null) !== canonicalJson(a[k] ?? null))
    .map((k) => ({ field: k, before: b[k], after: a[k] }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
