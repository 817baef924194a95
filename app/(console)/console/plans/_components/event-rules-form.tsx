"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { EventRule } from "@/lib/domain/rules/event-rules";
import { saveEventRulesAction } from "../actions";
import { Input, shown } from "./fields";

/**
 * Event rules as a table the marketer edits in place: one row per rule plus an
 * empty row to add one (`quiz.completed` → 50 points, once per quizId).
 */
export function EventRulesForm({ rules }: { rules: EventRule[] }) {
  const t = useTranslations("PlanEditor");
  const [state, action] = useActionState(saveEventRulesAction, {} as FormState);
  const rows = [...rules, null];
  return (
    <form action={action} noValidate className="space-y-4" data-testid="plan-event-rules-form" aria-describedby="event-rules-message">
      <input type="hidden" name="section" value="event-rules" />
      <input type="hidden" name="eventRuleRows" value={rows.length} />
      <FormMessage id="event-rules-message" message={state.message} />
      {rules.length === 0 ? <p className="text-sm text-ink-muted">{t("eventRules.empty")}</p> : null}
      <ol className="space-y-3">
        {rows.map((rule, i) => {
          const field = (name: string) => `eventRules.${i}.${name}`;
          const active = state.values ? state.values[field("active")] === "on" : (rule?.active ?? true);
          return (
            <li key={rule?.id ?? "new"} className="rounded-control border border-line p-4" data-testid="event-rule-row">
              {rule ? <input type="hidden" name={field("id")} value={rule.id} /> : <p className="mb-2 text-sm font-semibold text-ink">{t("eventRules.newRow")}</p>}
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                <Input name={field("eventType")} label={t("eventRules.eventType")} state={state} saved={rule?.eventType} hint={t("eventRules.eventTypeHint")} placeholder="quiz.completed" />
                <Input name={field("points")} label={t("eventRules.points")} state={state} saved={rule?.points} inputMode="numeric" />
                <Input name={field("oncePer")} label={t("eventRules.oncePer")} state={state} saved={rule?.oncePer} hint={t("eventRules.oncePerHint")} placeholder="quizId" />
                <Input name={field("name.es")} label={t("eventRules.nameEs")} state={state} saved={rule?.name.es} />
                <Input name={field("name.en")} label={t("eventRules.nameEn")} state={state} saved={rule?.name.en} />
                <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium text-ink">
                  <input type="checkbox" name={field("active")} defaultChecked={shown(state, field("active"), active ? "on" : "") === "on"} className="size-4 accent-brand-600" />
                  {t("eventRules.active")}
                </label>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-ink-subtle">{t("eventRules.removeHint")}</p>
      <SubmitButton pendingLabel={t("saving")}>{t("eventRules.save")}</SubmitButton>
    </form>
  );
}
