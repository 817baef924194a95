"use client";

import { useActionState, useState, type ChangeEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { clsx } from "clsx";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { saveRewardAction } from "../actions";
import { describedBy, FieldNotes } from "@/components/forms/field-notes";

export type RewardFormValues = Record<string, string>;
type Option = { value: string; label: string };

type Props = {
  rewardId?: string;
  currency: string;
  initial: RewardFormValues;
  kinds: Option[];
  statuses: Option[];
  menus: Option[];
  tiers: Option[];
  /** The program's segments by name (optional: older callers pass none). */
  segments?: Option[];
  /** The catalog's categories ("Fashion › Footwear") and some products, for what the reward is valid on. */
  categories?: Option[];
  products?: Option[];
  canWrite: boolean;
};

const selectClass = "mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3 text-base text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none sm:text-sm";

/** Create or edit a reward: every field echoes back with its own translated error after a refusal. */
export function RewardForm({ rewardId, currency, initial, kinds, statuses, menus, tiers, segments = [], categories = [], products = [], canWrite }: Props) {
  const t = useTranslations("RewardForm");
  const ts = useTranslations("Segments");
  const [state, action] = useActionState(saveRewardAction, {} as FormState);
  const v = (name: string) => state.values?.[name] ?? initial[name] ?? "";
  const err = (name: string) => state.fieldErrors?.[name];
  // Controlled, so the value field's label follows the kind as it changes (amount vs percentage).
  const [kind, setKind] = useState(v("kind") || "amount_discount");
  // Same for the target: the category picker or the SKU field follows the choice.
  const [targetKind, setTargetKind] = useState(v("targetKind"));
  const checkedTiers = new Set(v("tiers").split(",").filter(Boolean));
  const checkedSegments = new Set(v("segmentIds").split(",").filter(Boolean));
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <TextField key={`${name}-${state.values ? "echo" : "init"}`} name={name} label={label} defaultValue={v(name)} error={err(name)} disabled={!canWrite} {...props} />
  );
  const optional = t("optional");

  return (
    <form action={action} noValidate className="space-y-6" data-testid="reward-form" aria-describedby="reward-form-message">
      {rewardId ? <input type="hidden" name="rewardId" value={rewardId} /> : null}
      <FormMessage id="reward-form-message" message={state.message} />
      <Section title={t("sections.what")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select name="kind" label={t("fields.kind")} options={kinds} value={kind} disabled={!canWrite} onChange={setKind} resetKey={`kind-${state.values?.kind ?? initial.kind ?? ""}`} />
          <Select name="status" label={t("fields.status")} options={statuses} value={v("status") || "active"} disabled={!canWrite} />
          {field("nameEs", t("fields.nameEs"), { required: true })}
          {field("nameEn", t("fields.nameEn"), { labelNote: optional })}
          {field("descriptionEs", t("fields.descriptionEs"), { labelNote: optional })}
          {field("descriptionEn", t("fields.descriptionEn"), { labelNote: optional })}
          {kind === "amount_discount" || kind === "percent_discount" ? field("value", kind === "percent_discount" ? t("fields.percentValue") : t("fields.amountValue", { currency }), { inputMode: "decimal" }) : null}
          {field("imageUrl", t("fields.imageUrl"), { labelNote: optional, inputMode: "url" })}
        </div>
      </Section>
      <Section title={t("sections.where")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            name="targetKind"
            label={t("fields.targetKind")}
            options={[
              { value: "", label: t("fields.targetNone") },
              { value: "category", label: t("fields.targetCategory") },
              { value: "sku", label: t("fields.targetSku") },
            ]}
            value={targetKind}
            disabled={!canWrite}
            onChange={setTargetKind}
            resetKey={`target-${state.values?.targetKind ?? initial.targetKind ?? ""}`}
            error={err("targetKind")}
          />
          {targetKind === "category" ? (
            categories.length ? (
              <Select
                name="targetCategory"
                label={t("fields.targetCategoryPick")}
                options={[{ value: "", label: t("fields.targetCategoryChoose") }, ...categories]}
                value={v("targetCategory")}
                disabled={!canWrite}
                hint={t("fields.targetCategoryHint")}
                error={err("targetCategory")}
              />
            ) : (
              <p className="self-end text-sm text-ink-muted" data-testid="target-no-catalog">{t("fields.targetNoCatalog")}</p>
            )
          ) : null}
          {targetKind === "sku" ? (
            <>
              {field("targetSku", t("fields.targetSkuField"), { hint: t("fields.targetSkuHint"), list: "reward-target-products", autoComplete: "off", spellCheck: false })}
              <datalist id="reward-target-products">
                {products.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </datalist>
            </>
          ) : null}
        </div>
      </Section>
      <Section title={t("sections.price")}>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("pointsPrice", t("fields.pointsPrice"), { inputMode: "numeric", required: true })}
          {field("stock", t("fields.stock"), { inputMode: "numeric", hint: t("fields.stockHint"), labelNote: optional })}
          {field("couponValidDays", t("fields.couponValidDays"), { inputMode: "numeric" })}
          {tiers.map((tier) => field(`tierPrice.${tier.value}`, t("fields.tierPrice", { tier: tier.label }), { inputMode: "numeric", hint: t("fields.tierPriceHint"), labelNote: optional }))}
        </div>
      </Section>
      <Section title={t("sections.who")}>
        <fieldset>
          <legend className="text-sm font-medium text-ink">{t("fields.tiers")}</legend>
          <p className="mt-0.5 text-xs text-ink-subtle">{t("fields.tiersHint")}</p>
          <div className="mt-2 flex flex-wrap gap-4">
            {tiers.map((tier) => (
              <label key={tier.value} className="flex items-center gap-2 text-sm text-ink">
                <input type="checkbox" name="tiers" value={tier.value} defaultChecked={checkedTiers.has(tier.value)} disabled={!canWrite} className="size-4 accent-brand-600" />
                {tier.label}
              </label>
            ))}
          </div>
        </fieldset>
        {segments.length ? (
          <fieldset className="mt-4">
            <legend className="text-sm font-medium text-ink">{ts("picker.label")}</legend>
            <p className="mt-0.5 text-xs text-ink-subtle">{ts("picker.hint")}</p>
            <div className="mt-2 flex flex-wrap gap-4">
              {segments.map((s) => (
                <label key={s.value} className="flex items-center gap-2 text-sm text-ink">
                  <input type="checkbox" name="segmentIds" value={s.value} defaultChecked={checkedSegments.has(s.value)} disabled={!canWrite} className="size-4 accent-brand-600" />
                  {s.label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {field("perMemberLimit", t("fields.perMemberLimit"), { inputMode: "numeric", labelNote: optional })}
          {field("periodCount", t("fields.periodCount"), { inputMode: "numeric", hint: t("fields.periodHint"), labelNote: optional })}
          {field("periodDays", t("fields.periodDays"), { inputMode: "numeric", labelNote: optional })}
        </div>
      </Section>
      <Section title={t("sections.when")}>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("validFrom", t("fields.validFrom"), { type: "date", labelNote: optional })}
          {field("validUntil", t("fields.validUntil"), { type: "date", labelNote: optional })}
          <Select name="menuId" label={t("fields.menu")} options={[{ value: "", label: t("fields.noMenu") }, ...menus]} value={v("menuId")} disabled={!canWrite} />
        </div>
      </Section>
      {canWrite ? (
        <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-auto">
          {rewardId ? t("save") : t("create")}
        </SubmitButton>
      ) : null}
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-card border border-line bg-surface p-5 shadow-card">
      <legend className="px-1 text-sm font-semibold text-ink">{title}</legend>
      {children}
    </fieldset>
  );
}

function Select({ name, label, options, value, disabled, onChange, resetKey, hint, error }: { name: string; label: string; options: Option[]; value: string; disabled?: boolean; onChange?: (value: string) => void; resetKey?: string; hint?: string; error?: string }) {
  const id = `field-${name}`;
  const described = describedBy(id, hint, error);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {/*
        Uncontrolled even when watched: React resets a form after its action, and a controlled select would
        keep its state while the DOM snaps back to the first option. The key follows the echoed value, so
        after a refused submit the select remounts with what was sent, and a reset returns to that.
      */}
      <select
        key={resetKey ?? value}
        id={id}
        name={name}
        defaultValue={value}
        onChange={onChange ? (e: ChangeEvent<HTMLSelectElement>) => onChange(e.currentTarget.value) : undefined}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={clsx(selectClass, error && "border-accent-500")}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} testId={name} />
    </div>
  );
}
