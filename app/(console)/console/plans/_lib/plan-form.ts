import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { Channel, EarningRule, RuleCaps, RuleConditions } from "@/lib/domain/rules/types";

/**
 * Form data → plan document parts. Numbers stay NaN when unreadable so the
 * shared zod schema names the field; optional fields left empty are absent.
 * Money is typed in major units ("50.00") and stored in minor units.
 */
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export function num(form: FormData, name: string): number {
  const raw = text(form, name).replace(",", ".");
  return raw === "" ? Number.NaN : Number(raw);
}

export function optionalNum(form: FormData, name: string): number | undefined {
  return text(form, name) === "" ? undefined : num(form, name);
}

export function money(form: FormData, name: string, digits: number): number {
  const value = num(form, name);
  return Number.isNaN(value) ? value : Math.round(value * 10 ** digits);
}

export function optionalMoney(form: FormData, name: string, digits: number): number | undefined {
  return text(form, name) === "" ? undefined : money(form, name, digits);
}

/** "a, b  c" → ["a", "b", "c"]. */
export function codes(form: FormData, name: string): string[] {
  return text(form, name).split(/[\s,;]+/).filter(Boolean);
}

export function many(form: FormData, name: string): string[] {
  return form.getAll(name).map(String).filter(Boolean);
}

/** Every submitted value, to echo back into the form after a refusal (multi-values joined by commas). */
export function echo(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(form.keys())) if (!key.startsWith("$")) values[key] = form.getAll(key).map(String).join(",");
  return values;
}

export function applyGeneral(plan: PlanDefinition, form: FormData, digits: number): PlanDefinition {
  const kind = text(form, "expiry.kind");
  const expiry: PlanDefinition["expiry"] =
    kind === "none" ? { kind: "none" } : kind === "end_of_period" ? { kind: "end_of_period", period: text(form, "expiry.period") as "year" } : { kind: kind as "rolling", months: num(form, "expiry.months") };
  return {
    ...plan,
    baseRate: { points: num(form, "baseRate.points"), perMinor: money(form, "baseRate.perMinor", digits), rounding: text(form, "baseRate.rounding") as "floor" },
    pendingDays: num(form, "pendingDays"),
    expiry,
  };
}

/** Tier thresholds are points, or money typed in major units when the posted metric is spend. */
export function applyTiers(plan: PlanDefinition, form: FormData, digits: number): PlanDefinition {
  const rows = Number(text(form, "tierRows")) || 0;
  const metric = text(form, "tierQualification.metric");
  const tiers: PlanDefinition["tiers"] = [];
  for (let i = 0; i < rows; i++) {
    const key = text(form, `tiers.${i}.key`);
    // A blank row is the "add a level" slot: skipped unless something was typed in it.
    if (!key && !text(form, `tiers.${i}.name.es`) && !text(form, `tiers.${i}.threshold`)) continue;
    tiers.push({
      key,
      name: { es: text(form, `tiers.${i}.name.es`), en: text(form, `tiers.${i}.name.en`) },
      threshold: metric === "spend" ? money(form, `tiers.${i}.threshold`, digits) : num(form, `tiers.${i}.threshold`),
      earnMultiplier: num(form, `tiers.${i}.earnMultiplier`),
    });
  }
  return {
    ...plan,
    tiers,
    tierQualification: { metric: metric as "points", window: text(form, "tierQualification.window") as "calendar_year" },
    tierReview: { every: text(form, "tierReview.every") as "year", graceMonths: num(form, "tierReview.graceMonths") },
  };
}

export function applyExclusions(plan: PlanDefinition, form: FormData): PlanDefinition {
  return { ...plan, exclusions: { categories: codes(form, "exclusions.categories"), skus: codes(form, "exclusions.skus") } };
}

/** A readable id for a new rule, from its English (or Spanish) name. */
export function ruleIdFrom(name: string, taken: string[]): string {
  const base = name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 32) || "rule";
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

function conditionsFrom(form: FormData, digits: number): RuleConditions {
  const c: RuleConditions = {};
  const set = <K extends keyof RuleConditions>(key: K, value: RuleConditions[K] | undefined, keep: boolean) => {
    if (keep) c[key] = value;
  };
  const channels = many(form, "conditions.channels") as Channel[];
  set("channels", channels, channels.length > 0);
  const stores = many(form, "conditions.storeIds");
  set("storeIds", stores, stores.length > 0);
  const categories = codes(form, "conditions.categories");
  set("categories", categories, categories.length > 0);
  const skus = codes(form, "conditions.skus");
  set("skus", skus, skus.length > 0);
  const days = many(form, "conditions.daysOfWeek").map(Number);
  set("daysOfWeek", days, days.length > 0);
  const from = text(form, "conditions.hours.from");
  const to = text(form, "conditions.hours.to");
  set("hours", { from, to }, Boolean(from || to));
  const dFrom = text(form, "conditions.dateRange.from");
  const dTo = text(form, "conditions.dateRange.to");
  set("dateRange", { ...(dFrom ? { from: dFrom } : {}), ...(dTo ? { to: dTo } : {}) }, Boolean(dFrom || dTo));
  const tiers = many(form, "conditions.tiers");
  set("tiers", tiers, tiers.length > 0);
  const segments = many(form, "conditions.segmentIds");
  set("segmentIds", segments, segments.length > 0);
  set("minTicketMinor", optionalMoney(form, "conditions.minTicketMinor", digits), text(form, "conditions.minTicketMinor") !== "");
  set("firstPurchase", true, form.get("conditions.firstPurchase") === "on");
  return c;
}

export function ruleFrom(form: FormData, id: string, digits: number): EarningRule {
  const kind = text(form, "effect.kind");
  const value = num(form, "effect.value");
  const effect: EarningRule["effect"] = kind === "fixed_bonus" ? { kind, points: value } : kind === "points_per_unit" ? { kind, points: value } : { kind: "multiplier", factor: value };
  const caps: RuleCaps = {};
  for (const cap of ["perTransaction", "perMemberPerDay", "perMemberPerMonth", "budget"] as const) {
    const v = optionalNum(form, `caps.${cap}`);
    if (v !== undefined) caps[cap] = v;
  }
  const pendingDays = optionalNum(form, "pendingDays");
  return {
    id,
    name: { es: text(form, "name.es"), en: text(form, "name.en") },
    priority: num(form, "priority"),
    stacking: text(form, "stacking") === "exclusive" ? "exclusive" : "combinable",
    conditions: conditionsFrom(form, digits),
    effect,
    ...(Object.keys(caps).length ? { caps } : {}),
    ...(pendingDays !== undefined ? { pendingDays } : {}),
    active: form.get("active") === "on",
  };
}

/** Basket lines the rule tester offers. */
export const TESTER_LINES = 4;
