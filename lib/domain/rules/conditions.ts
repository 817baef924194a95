import { parseClock, type LocalTime } from "./local-time";
import type { BasketLine, EarningRule, PurchaseContext, RuleMiss } from "./types";

export const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** Why a rule's purchase-level conditions fail (the first one), or null when they all hold. */
export function failedCondition(rule: EarningRule, purchase: PurchaseContext, local: LocalTime, eligibleAmountMinor: number): RuleMiss | null {
  const c = rule.conditions;
  if (c.channels?.length && !c.channels.includes(purchase.channel)) return { code: "channel", channel: purchase.channel, allowed: c.channels };
  if (c.storeIds?.length && (!purchase.storeId || !c.storeIds.includes(purchase.storeId))) return { code: "store" };
  if (c.dateRange?.from && local.date < c.dateRange.from) return { code: "before", date: c.dateRange.from };
  if (c.dateRange?.to && local.date > c.dateRange.to) return { code: "after", date: c.dateRange.to };
  if (c.daysOfWeek?.length && !c.daysOfWeek.includes(local.weekday)) return { code: "day", weekday: local.weekday };
  if (c.hours && !withinHours(local.minutes, c.hours)) return { code: "hours", from: c.hours.from, to: c.hours.to };
  if (c.tiers?.length && (!purchase.member.tier || !c.tiers.includes(purchase.member.tier))) return { code: "tier", tier: purchase.member.tier ?? null };
  if (c.segmentIds?.length && !c.segmentIds.some((s) => purchase.member.segmentIds.includes(s))) return { code: "segment" };
  if (c.minTicketMinor !== undefined && eligibleAmountMinor < c.minTicketMinor) return { code: "min_ticket", minTicketMinor: c.minTicketMinor };
  if (c.firstPurchase && !purchase.member.isFirstPurchase) return { code: "first_purchase" };
  return null;
}

/** The English wording of a miss, kept for logs, the API and stored explanations. */
export function missText(miss: RuleMiss): string {
  switch (miss.code) {
    case "channel":
      return `channel ${miss.channel} is not ${miss.allowed.join("/")}`;
    case "store":
      return "store not included";
    case "before":
      return `before ${miss.date}`;
    case "after":
      return `after ${miss.date}`;
    case "day":
      return `${DAY_NAMES[miss.weekday]} is not a rule day`;
    case "hours":
      return `outside ${miss.from}–${miss.to}`;
    case "tier":
      return `tier ${miss.tier ?? "none"} not included`;
    case "segment":
      return "member not in the segment";
    case "min_ticket":
      return `ticket below the minimum of ${miss.minTicketMinor}`;
    case "first_purchase":
      return "not the member's first purchase";
    case "no_line":
      return "no eligible line in the rule's products";
    case "exclusive":
      return `exclusive rule ${miss.ruleId} already applied`;
    case "capped":
      return `capped by ${miss.cap}`;
  }
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
