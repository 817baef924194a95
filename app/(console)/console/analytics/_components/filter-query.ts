import type { KpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";

/** The dashboard's resolved filters as URL search params (for export links). */
export function filterQuery(filters: KpiDashboard["filters"], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  params.set("from", filters.from);
  params.set("to", filters.to);
  if (filters.store) params.set("store", filters.store);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.segment) params.set("segment", filters.segment);
  if (filters.tier) params.set("tier", filters.tier);
  return params.toString();
}

/** Only the filter keys, each as a single string, from a page's search params. */
export function pickFilterParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["from", "to", "store", "channel", "segment", "tier"]) {
    const value = params[key];
    if (typeof value === "string" && value !== "") out[key] = value;
  }
  return out;
}
