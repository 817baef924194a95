import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { EventRule } from "@/lib/domain/rules/event-rules";
import { num, ruleIdFrom } from "./plan-form";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/**
 * The event rules table → the plan's eventRules. Each row keeps its id (a new
 * row gets one from its name); a row with neither event type nor name is the
 * empty "add" slot, or a rule the marketer cleared to remove it.
 */
export function applyEventRules(plan: PlanDefinition, form: FormData): PlanDefinition {
  const rows = Number(text(form, "eventRuleRows")) || 0;
  const rules: EventRule[] = [];
  for (let i = 0; i < rows; i++) {
    const at = (field: string) => text(form, `eventRules.${i}.${field}`);
    if (!at("eventType") && !at("name.es") && !at("name.en")) continue;
    const name = { es: at("name.es"), en: at("name.en") || at("name.es") };
    const id = at("id") || ruleIdFrom(name.en || name.es || at("eventType"), [...rules.map((r) => r.id), ...(plan.eventRules ?? []).map((r) => r.id)]);
    const oncePer = at("oncePer");
    rules.push({ id, name, eventType: at("eventType"), points: num(form, `eventRules.${i}.points`), ...(oncePer ? { oncePer } : {}), active: form.get(`eventRules.${i}.active`) === "on" });
  }
  return { ...plan, eventRules: rules };
}
