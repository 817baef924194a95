import type { LocalizedText } from "@/lib/localized-text";

/**
 * An earning rule for a custom event an integration reports (`quiz.completed`,
 * `survey.answered`…): a fixed number of points per event of that type.
 * `oncePer` names a property whose value a member earns on only once (once per
 * quiz: `oncePer: "quizId"`); without it every event earns (each event id still
 * only once: the API is idempotent per event id).
 */
export type EventRule = {
  id: string;
  name: LocalizedText;
  eventType: string;
  points: number;
  oncePer?: string;
  /** Only these tiers earn (the member's, or their business account's); absent = everyone. */
  tiers?: string[];
  active: boolean;
};

export type CustomEventInput = { type: string; properties: Record<string, unknown> };

export type EventRuleMiss = "inactive" | "other_type" | "tier" | "property_missing" | "already_credited";

export type EventRuleOutcome = { ruleId: string; fired: boolean; points: number; onceKey: string | null; miss?: EventRuleMiss };

export type EventEvaluation = { points: number; rules: EventRuleOutcome[] };

/** Event types look like `quiz.completed`: lower-case words joined by dots, underscores or dashes. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/** The value a once-only rule keys on, or null when the event lacks it (a string or a number; anything else does not count). */
export function onceKeyOf(rule: EventRule, properties: Record<string, unknown>): string | null {
  if (!rule.oncePer) return null;
  const value = properties[rule.oncePer];
  return typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

export function creditKey(ruleId: string, onceKey: string): string {
  return `${ruleId}\u0000${onceKey}`;
}

/**
 * The points an event earns: every active rule of its type whose tier fits,
 * except once-only rules the member already earned for this value
 * (`credited` holds creditKey(ruleId, onceKey) of those).
 */
export function evaluateEvent(rules: EventRule[], event: CustomEventInput, context: { tier: string | null; credited: ReadonlySet<string> }): EventEvaluation {
  const outcomes = rules.map((rule): EventRuleOutcome => {
    const miss = (m: EventRuleMiss, onceKey: string | null = null): EventRuleOutcome => ({ ruleId: rule.id, fired: false, points: 0, onceKey, miss: m });
    if (rule.eventType !== event.type) return miss("other_type");
    if (!rule.active) return miss("inactive");
    if (rule.tiers?.length && !(context.tier && rule.tiers.includes(context.tier))) return miss("tier");
    const onceKey = onceKeyOf(rule, event.properties);
    if (rule.oncePer && onceKey === null) return miss("property_missing");
    if (onceKey !== null && context.credited.has(creditKey(rule.id, onceKey))) return miss("already_credited", onceKey);
    return { ruleId: rule.id, fired: true, points: rule.points, onceKey };
  });
  const relevant = outcomes.filter((o) => o.miss !== "other_type");
  return { points: relevant.reduce((sum, o) => sum + o.points, 0), rules: relevant };
}
