import { listRollupPage } from "@/db/queries/kpi-dashboard";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { csvLine } from "@/lib/domain/audit/csv";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { kpiExportTableSchema, type KpiFiltersInput } from "@/lib/validation/kpi-dashboard";
import { getKpiDashboard, type KpiDashboard } from "./get-kpi-dashboard";

const PAGE = 2_000;

export const KPI_CSV_COLUMNS = {
  daily: ["day", "store_id", "store_code", "channel", "purchases", "member_purchases", "members_purchasing", "revenue_minor", "member_revenue_minor", "refunded_minor", "points_issued", "points_redeemed", "points_expired", "points_reversed", "new_enrolments",
    "member_refunded_minor", "costed_purchases", "member_costed_purchases", "costed_revenue_minor", "member_costed_revenue_minor", "cost_minor", "member_cost_minor"],
  points: ["period_start", "points_issued", "points_redeemed", "points_expired"],
  cohorts: ["cohort", "members", ...Array.from({ length: 12 }, (_, k) => `month_${k}`)],
  tiers: ["tier", "members"],
  migration: ["from_tier", "to_tier", "direction", "members"],
  campaigns: ["campaign_id", "name", "kind", "status", "starts_at", "ends_at", "control_share_pct", "awarded", "points", "money_minor"],
  rewards: ["reward_id", "reward_es", "reward_en", "redemptions", "points"],
  margin: ["period_start", "member_margin_minor", "non_member_margin_minor"],
} as const;

/**
 * One table view of the dashboard as a CSV byte stream (UTF-8 with BOM), with
 * the same filters as the page; needs analytics:read and exports:read, checked
 * before the stream is returned. The daily rollup, the only table that grows
 * with time × stores × channels, is read page by page as the client pulls.
 */
export async function kpiCsvStream(db: Executor, actor: Actor, input: { programId: string; table: unknown; filters: KpiFiltersInput }): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const program = await authorizeProgram(db, actor, "analytics:read", input.programId);
  authorize(actor, "exports:read", program);
  const table = parseInput(kpiExportTableSchema, input.table);
  const dashboard = await getKpiDashboard(db, actor, { programId: program.id, filters: input.filters });
  const f = { programId: program.id, timeZone: program.timeZone, from: dashboard.filters.from, to: dashboard.filters.to, storeId: dashboard.filters.store, channel: dashboard.filters.channel };
  const encoder = new TextEncoder();
  const small = table === "daily" ? null : smallTable(table, dashboard);
  let after: { day: string; storeId: string; channel: string } | null = null;
  let headerSent = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(KPI_CSV_COLUMNS[table])}`));
        return;
      }
      if (small) {
        if (small.length) controller.enqueue(encoder.encode(small.map((row) => csvLine(row)).join("")));
        return controller.close();
      }
      if (done) return controller.close();
      const rows = await listRollupPage(db, f, after, PAGE);
      if (rows.length < PAGE) done = true;
      const last = rows.at(-1);
      if (last) after = { day: String(last.day), storeId: String(last.store_id), channel: String(last.channel) };
      if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => csvLine(KPI_CSV_COLUMNS.daily.map((c) => dailyCell(r, c)))).join("")));
      if (done) controller.close();
    },
  });
  return { stream, filename: `kpis-${table}-${dashboard.filters.from}-${dashboard.filters.to}.csv` };
}

const TEXT_COLUMNS = new Set(["day", "store_id", "store_code", "channel"]);

function dailyCell(r: Record<string, string | number | null>, column: string): string | number | null {
  const value = r[column] ?? null;
  if (value === null || TEXT_COLUMNS.has(column)) return column === "store_id" && value === "00000000-0000-0000-0000-000000000000" ? null : value;
  // Counts and amounts as numbers: PostgreSQL hands bigints over as text, and a negative margin (a day of refunds) must not be escaped as a formula.
  return Number(value);
}

function smallTable(table: Exclude<keyof typeof KPI_CSV_COLUMNS, "daily">, d: KpiDashboard): (string | number | null)[][] {
  if (table === "points") return d.points.map((p) => [p.day, p.issued, p.redeemed, p.expired]);
  if (table === "cohorts") return d.cohorts.map((c) => [c.cohort, c.size, ...c.shares.map((s) => (s === null ? null : Number(s.toFixed(4))))]);
  if (table === "tiers") return d.tiers.map((t) => [t.key, t.members]);
  if (table === "margin") return d.marginSeries.map((m) => [m.day, m.members, m.nonMembers]);
  if (table === "migration") return d.tierMigration.rows.map((m) => [m.fromTier, m.toTier, m.direction, m.members]);
  if (table === "campaigns") return d.campaigns.map((c) => [c.id, c.name, c.kind, c.status, c.startsAt, c.endsAt, c.controlShare, c.awarded, c.points, c.moneyMinor]);
  return d.topRewards.map((r) => [r.rewardId, r.name.es, r.name.en, r.redemptions, r.points]);
}
