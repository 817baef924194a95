import { parseClock, type LocalTime } from "./local-time";
import type { BasketLine, EarningRule, PurchaseContext } from "./types";

export const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** Why a rule's purchase-level conditions fail (the first one), or null when they all hold. */
export function failedCondition(rule: EarningRule, purchase: PurchaseContext, local: LocalTime, eligibleAmountMinor: number): string | null {
  const c = rule.conditions;
  if (c.channels?.length && !c.channels.includes(purchase.channel)) return `channel ${purchase.channel} is not ${c.channels.join("/")}`;
  if (c.storeIds?.length && (!purchase.storeId || !c.storeIds.includes(purchase.storeId))) return "store not included";
  if (c.dateRange?.from && local.date < c.dateRange.from) return `before ${c.dateRange.from}`;
  if (c.dateRange?.to && local.date > c.dateRange.to) return `after ${c.dateRange.to}`;
  if (c.daysOfWeek?.length && !c.daysOfWeek.includes(local.weekday)) return `${DAY_NAMES[local.weekday]} is not a rule day`;
  if (c.hours && !withinHours(local.minutes, c.hours)) return `outside ${c.hours.from}–${c.hours.to}`;
  if (c.tiers?.length && (!purchase.member.tier || !c.tiers.includes(purchase.member.tier))) return `tier ${purchase.member.tier ?? "none"} not included`;
  if (c.segmentIds?.length && !c.segmentIds.some((s) => purchase.member.segmentIds.includes(s))) return "member not in the segment";
  if (c.minTicketMinor !== undefined && eligibleAmountMinor < c.minTicketMinor) return `ticket below the minimum of ${c.minTicketMinor}`;
  if (c.firstPurchase && !purchase.member.isFirstPurchase) return "not the member's first purchase";
  return null;
}

/** A window may cross midnight ("22:00"–"02:00"); the end is exclusive. */
export function withinHours(minutes: number, hours: { from: string; to: string }): boolean {
  const from = parseClock(hours.from);
  const to = parseClock(hours.to);
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** Whether a line is in a rule's product scope (no category or SKU condition = every line). */
export function lineMatches(rule: EarningRule, line: BasketLine): boolean {
  const { categories, skus } = rule.conditions;
  if (!categories?.length && !skus?.length) return true;
  return Boolean((line.sku && skus?.includes(line.sku)) || line.categoryPath.some((code) => categories?.includes(code)));
}
