import { readFileSync } from "node:fs";
import path from "node:path";
import { daysBetween, summarizeCustomer, toOccasions, type CustomerSummary, type Purchase } from "@/lib/domain/analytics/customer-summary";
import type { CohortCustomer } from "@/lib/domain/analytics/holdout";
import { parseCdnow } from "@/lib/domain/cdnow";

/** The papers' CDNOW split: calibration weeks 1–39, holdout weeks 40–78. */
export const CDNOW_PERIOD = { calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" } as const;
export const CDNOW_HOLDOUT_WEEKS = 39;

const COHORT_START = "1997-01-01";

let purchases: Purchase[][] | undefined;

/** Each sample customer's purchases, amounts in dollars. */
function cdnowSamplePurchases(): Purchase[][] {
  if (purchases) return purchases;
  const text = readFileSync(path.resolve(__dirname, "../../db/seed-data/cdnow/CDNOW_sample.txt"), "utf8");
  const byCustomer = new Map<string, Purchase[]>();
  for (const o of parseCdnow(text).occasions) {
    const list = byCustomer.get(o.customerId) ?? [];
    list.push({ date: o.date, amount: o.amountMinor / 100 });
    byCustomer.set(o.customerId, list);
  }
  purchases = [...byCustomer.values()];
  return purchases;
}

/** The 2,357 customers of the CDNOW 1/10 sample, summarised for the papers' split, amounts in dollars. */
export function cdnowSampleSummaries(): CustomerSummary[] {
  return cdnowSamplePurchases()
    .map((p) => summarizeCustomer(p, CDNOW_PERIOD))
    .filter((s): s is CustomerSummary => s !== null);
}

/** The sample on the cohort's clock: weeks since 1997-01-01 of each first and repeat occasion. */
export function cdnowSampleCohort(): CohortCustomer[] {
  return cdnowSamplePurchases().map((p) => {
    const weeks = toOccasions(p).map((o) => daysBetween(COHORT_START, o.date) / 7);
    return { firstWeek: weeks[0]!, repeatWeeks: weeks.slice(1) };
  });
}
