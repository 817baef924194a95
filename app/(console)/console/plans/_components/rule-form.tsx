"use client";

import { useActionState } from "react";
import { useAnswerKey } from "./use-answer-key";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { ButtonLink } from "@/components/ui/button";
import type { EarningRule } from "@/lib/domain/rules/types";
import { DAY_NAMES } from "@/lib/domain/rules/conditions";
import { saveRuleAction } from "../actions";
import { Checks, Input, Select, Toggle } from "./fields";

export type RuleFormOptions = {
  stores: { value: string; label: string }[];
  tiers: { value: string; label: string }[];
  segments: { value: string; label: string }[];
  categoryHint: string;
  currency: string;
  digits: number;
};

const DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** One earning rule: what it gives, when it applies, its caps and how it stacks. */
export function RuleForm({ rule, options }: { rule: EarningRule | null; options: RuleFormOptions }) {
  const t = useTranslations("PlanEditor");
  const tr = useTranslations("PlanEditor.rule");
  const [state, action] = useActionState(saveRuleAction, {} as FormState);
  const answer = useAnswerKey(state);
  const c = rule?.conditions ?? {};
  const effect = rule?.effect ?? { kind: "multiplier", factor: 2 };
  const effectValue = effect.kind === "multiplier" ? effect.factor : effect.points;
  const major = (minor: number | undefined) => (minor === undefined ? undefined : (minor / 10 ** options.digits).toFixed(options.digits));
  return (
    <form key={answer} action={action} noValidate className="space-y-6" data-testid="rule-form" aria-describedby="rule-message">
      <input type="hidden" name="section" value="rule" />
      <FormMessage id="rule-message" message={state.message} />
      <input type="hidden" name="ruleId" value={rule?.id ?? ""} />
      <Section title={tr("identity")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="name.es" label={tr("nameEs")} state={state} saved={rule?.name.es} />
          <Input name="name.en" label={tr("nameEn")} state={state} saved={rule?.name.en} />
        </div>
        <Toggle name="active" label={tr("active")} state={state} saved={rule?.active ?? true} />
      </Section>

      <Section title={tr("effect")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select name="effect.kind" label={tr("effectKind")} state={state} saved={effect.kind} options={(["multiplier", "fixed_bonus", "points_per_unit"] as const).map((v) => ({ value: v, label: tr(`effects.${v}`) }))} />
          <Input name="effect.value" label={tr("effectValue")} state={state} saved={effectValue} inputMode="decimal" hint={tr("effectValueHint")} />
        </div>
      </Section>

      <Section title={tr("conditions")} description={tr("conditionsHint")}>
        <Checks name="conditions.daysOfWeek" legend={tr("days")} state={state} saved={c.daysOfWeek} options={DAYS.map((d) => ({ value: String(d), label: t(`days.${DAY_NAMES[d]}`) }))} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="conditions.hours.from" label={tr("hoursFrom")} state={state} saved={c.hours?.from} placeholder="18:00" hint={tr("hoursHint")} />
          <Input name="conditions.hours.to" label={tr("hoursTo")} state={state} saved={c.hours?.to} placeholder="22:00" />
          <Input name="conditions.dateRange.from" type="date" label={tr("dateFrom")} state={state} saved={c.dateRange?.from} />
          <Input name="conditions.dateRange.to" type="date" label={tr("dateTo")} state={state} saved={c.dateRange?.to} />
        </div>
        <Input name="conditions.categories" label={tr("categories")} state={state} saved={c.categories?.join(", ")} hint={options.categoryHint} />
        <Input name="conditions.skus" label={tr("skus")} state={state} saved={c.skus?.join(", ")} hint={t("fields.codesHint")} />
        <Checks name="conditions.channels" legend={tr("channels")} state={state} saved={c.channels} options={(["pos", "ecommerce", "app"] as const).map((v) => ({ value: v, label: t(`channels.${v}`) }))} hint={tr("anyHint")} />
        {options.stores.length ? <Checks name="conditions.storeIds" legend={tr("stores")} state={state} saved={c.storeIds} options={options.stores} hint={tr("anyHint")} /> : null}
        <Checks name="conditions.tiers" legend={tr("tiers")} state={state} saved={c.tiers} options={options.tiers} hint={tr("anyHint")} />
        {options.segments.length ? <Checks name="conditions.segmentIds" legend={tr("segments")} state={state} saved={c.segmentIds} options={options.segments} hint={tr("anyHint")} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="conditions.minTicketMinor" label={tr("minTicket", { currency: options.currency })} state={state} saved={major(c.minTicketMinor)} inputMode="decimal" />
        </div>
        <Toggle name="conditions.firstPurchase" label={tr("firstPurchase")} state={state} saved={c.firstPurchase ?? false} />
      </Section>

      <Section title={tr("caps")} description={tr("capsHint")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {(["perTransaction", "perMemberPerDay", "perMemberPerMonth", "budget"] as const).map((cap) => (
            <Input key={cap} name={`caps.${cap}`} label={tr(`capNames.${cap}`)} state={state} saved={rule?.caps?.[cap]} inputMode="numeric" />
          ))}
        </div>
      </Section>

      <Section title={tr("ordering")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input name="priority" label={tr("priority")} state={state} saved={rule?.priority ?? 100} inputMode="numeric" hint={tr("priorityHint")} />
          <Select name="stacking" label={tr("stacking")} state={state} saved={rule?.stacking ?? "combinable"} options={(["combinable", "exclusive"] as const).map((v) => ({ value: v, label: tr(`stackings.${v}`) }))} />
          <Input name="pendingDays" label={tr("pendingDays")} state={state} saved={rule?.pendingDays} inputMode="numeric" hint={tr("pendingDaysHint")} />
        </div>
      </Section>

      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={t("saving")}>{rule ? tr("saveRule") : tr("addRule")}</SubmitButton>
        <ButtonLink href="/console/plans/draft" variant="secondary">
          {t("cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-card border border-line p-4">
      <legend className="px-1 text-sm font-semibold text-ink">{title}</legend>
      {description ? <p className="-mt-2 text-xs text-ink-subtle">{description}</p> : null}
      {children}
    </fieldset>
  );
}
