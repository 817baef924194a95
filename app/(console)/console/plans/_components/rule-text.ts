import type { EarningRule, RuleMiss } from "@/lib/domain/rules/types";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A rule's effect in words ("×2", "+50 points"). */
export function effectText(rule: EarningRule, t: T): string {
  const e = rule.effect;
  return e.kind === "multiplier" ? t("effectText.multiplier", { factor: e.factor }) : t(`effectText.${e.kind}`, { points: e.points });
}

/** Why a rule did not fire (or was trimmed), in the UI language. */
export function missText(miss: RuleMiss | undefined, t: T, names: { rule: (id: string) => string; tier: (key: string) => string; day: (d: number) => string; money: (minor: number) => string; channel: (c: string) => string }): string {
  if (!miss) return "";
  switch (miss.code) {
    case "channel":
      return t("miss.channel", { channel: names.channel(miss.channel), allowed: miss.allowed.map(names.channel).join(", ") });
    case "before":
    case "after":
      return t(`miss.${miss.code}`, { date: miss.date });
    case "day":
      return t("miss.day", { day: names.day(miss.weekday) });
    case "hours":
      return t("miss.hours", { from: miss.from, to: miss.to });
    case "tier":
      return miss.tier ? t("miss.tier", { tier: names.tier(miss.tier) }) : t("miss.noTier");
    case "min_ticket":
      return t("miss.min_ticket", { amount: names.money(miss.minTicketMinor) });
    case "exclusive":
      return t("miss.exclusive", { rule: names.rule(miss.ruleId) });
    case "capped":
      return t("miss.capped", { cap: t(`caps.${miss.cap}`) });
    default:
      return t(`miss.${miss.code}`);
  }
}
