/**
 * The counter's end-of-day report ("cierre del día"), built from rows the
 * database already summed per person: ledger entries at the store, purchases,
 * refunds and coupons used there. Pure: no clock, no database.
 *
 * `netPoints` is what the day did to members' balances (available + pending +
 * held) through this store, so it must equal the sum of the ledger's deltas of
 * the same entries — the reconciliation the report is for.
 */

/** Who did it, as the ledger records it: `user:<id>`, `api_key:<id>`, `system:<label>`. */
export type ActorKey = string;

export type LedgerKindRow = { actor: ActorKey; kind: string; count: number; points: number; net: number; positive: number; negative: number };
export type PurchaseRow = { actor: ActorKey; count: number; amountMinor: number };
export type RefundRow = { actor: ActorKey; count: number; amountMinor: number; pointsReversed: number; clawbackPoints: number; net: number };
export type CouponUseRow = { actor: ActorKey; count: number };

export type DayActivity = {
  purchases: number;
  purchaseAmountMinor: number;
  pointsIssued: number;
  redemptions: number;
  pointsRedeemed: number;
  couponsRedeemed: number;
  returns: number;
  returnAmountMinor: number;
  pointsReversed: number;
  clawbackPoints: number;
  adjustments: number;
  pointsAdded: number;
  pointsRemoved: number;
  /** Change to members' balances: issued − redeemed − reversed (net of clawback) ± adjustments. */
  netPoints: number;
};

export type EndOfDayReport = { byActor: { actor: ActorKey; activity: DayActivity }[]; totals: DayActivity };

export const EMPTY_ACTIVITY: DayActivity = {
  purchases: 0,
  purchaseAmountMinor: 0,
  pointsIssued: 0,
  redemptions: 0,
  pointsRedeemed: 0,
  couponsRedeemed: 0,
  returns: 0,
  returnAmountMinor: 0,
  pointsReversed: 0,
  clawbackPoints: 0,
  adjustments: 0,
  pointsAdded: 0,
  pointsRemoved: 0,
  netPoints: 0,
};

/** What one kind of ledger entry adds to the day (holds and voids move points but redeem nothing). */
function fromLedger(row: LedgerKindRow): Partial<DayActivity> {
  switch (row.kind) {
    case "earn":
      return { pointsIssued: row.points, netPoints: row.net };
    case "redeem":
    case "capture":
      return { redemptions: row.count, pointsRedeemed: row.points, netPoints: row.net };
    case "adjust":
      return { adjustments: row.count, pointsAdded: row.positive, pointsRemoved: row.negative, netPoints: row.net };
    default:
      return { netPoints: row.net };
  }
}

function add(a: DayActivity, b: Partial<DayActivity>): DayActivity {
  const sum = { ...a };
  for (const [key, value] of Object.entries(b) as [keyof DayActivity, number][]) sum[key] += value;
  return sum;
}

/** Sums the rows per person (sorted by their first appearance in `order`, then by key) and overall. */
export function buildEndOfDayReport(input: { ledger: LedgerKindRow[]; purchases: PurchaseRow[]; refunds: RefundRow[]; coupons: CouponUseRow[] }): EndOfDayReport {
  const byActor = new Map<ActorKey, DayActivity>();
  const bump = (actor: ActorKey, part: Partial<DayActivity>) => byActor.set(actor, add(byActor.get(actor) ?? EMPTY_ACTIVITY, part));
  for (const row of input.ledger) bump(row.actor, fromLedger(row));
  for (const row of input.purchases) bump(row.actor, { purchases: row.count, purchaseAmountMinor: row.amountMinor });
  for (const row of input.refunds) {
    bump(row.actor, { returns: row.count, returnAmountMinor: row.amountMinor, pointsReversed: row.pointsReversed, clawbackPoints: row.clawbackPoints, netPoints: row.net });
  }
  for (const row of input.coupons) bump(row.actor, { couponsRedeemed: row.count });
  const rows = [...byActor.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([actor, activity]) => ({ actor, activity }));
  const totals = rows.reduce((sum, row) => add(sum, row.activity), EMPTY_ACTIVITY);
  return { byActor: rows, totals };
}

export const END_OF_DAY_COLUMNS = [
  "purchases",
  "purchaseAmountMinor",
  "pointsIssued",
  "redemptions",
  "pointsRedeemed",
  "couponsRedeemed",
  "returns",
  "returnAmountMinor",
  "pointsReversed",
  "clawbackPoints",
  "adjustments",
  "pointsAdded",
  "pointsRemoved",
  "netPoints",
] as const satisfies readonly (keyof DayActivity)[];

/**
 * Money for a spreadsheet: major units with a period and no grouping
 * ("1234.50"), so reconciliation sums work in any locale.
 */
export function plainMoney(minor: number, minorDigits: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (minorDigits === 0) return `${sign}${abs}`;
  const scale = 10 ** minorDigits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(minorDigits, "0")}`;
}

/** The report as CSV rows (header first): one row per person, then the store's total. */
export function endOfDayCsvRows(report: EndOfDayReport, meta: { date: string; storeCode: string; currency: string; minorDigits: number; labelOf: (actor: ActorKey) => string }): string[][] {
  const header = ["date", "store", "staff", ...END_OF_DAY_COLUMNS.map((c) => (c.endsWith("Minor") ? c.replace(/Minor$/, `_${meta.currency}`) : c))];
  const line = (staff: string, a: DayActivity) => [meta.date, meta.storeCode, staff, ...END_OF_DAY_COLUMNS.map((c) => (c.endsWith("Minor") ? plainMoney(a[c], meta.minorDigits) : String(a[c])))];
  return [header, ...report.byActor.map((r) => line(meta.labelOf(r.actor), r.activity)), line("TOTAL", report.totals)];
}

/** Today's date (YYYY-MM-DD) on the program's calendar. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** A real calendar day in YYYY-MM-DD, or null. */
export function parseReportDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}
