import { z } from "zod";
import { calendarDaySchema } from "./analytics";
import { idSchema } from "./common";

export const KPI_CHANNELS = ["pos", "ecommerce", "app"] as const;
export const KPI_EXPORT_TABLES = ["daily", "points", "cohorts", "tiers", "migration", "campaigns", "rewards", "margin"] as const;
export type KpiExportTable = (typeof KPI_EXPORT_TABLES)[number];

/**
 * The dashboard's filters as they come from URL search params. A value that
 * does not parse is dropped (the page falls back to its default) rather than
 * failing the whole page: a hand-edited URL still shows the dashboard.
 */
export const kpiFiltersSchema = z.object({
  from: calendarDaySchema.optional().catch(undefined),
  to: calendarDaySchema.optional().catch(undefined),
  store: idSchema.optional().catch(undefined),
  channel: z.enum(KPI_CHANNELS).optional().catch(undefined),
  segment: idSchema.optional().catch(undefined),
  tier: z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
});

export type KpiFiltersInput = z.input<typeof kpiFiltersSchema>;
export type KpiFilters = z.output<typeof kpiFiltersSchema>;

export const kpiExportTableSchema = z.enum(KPI_EXPORT_TABLES, { error: "Unknown table." });
