"use client";

import { clsx } from "clsx";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { currencyDigits } from "@/lib/domain/money";
import { CONSENTS, ENROLMENT_CHANNELS, type SegmentCondition } from "@/lib/domain/segments/definition";

export type Option = { value: string; label: string };
export type BuilderOptions = { currency: string; tiers: Option[]; categories: Option[] };
type Props = {
  condition: SegmentCondition;
  onChange: (next: SegmentCondition) => void;
  /** The message for one of the condition's values ("days", "months"…), if the schema refused it. */
  errorFor: (prop: string) => string | undefined;
  options: BuilderOptions;
  disabled: boolean;
};

export const controlClass =
  "h-11 rounded-control border bg-surface px-3 text-base text-ink focus:ring-4 focus:outline-none disabled:bg-surface-muted disabled:text-ink-muted sm:h-10 sm:text-sm";
const okBorder = "border-line-strong focus:border-brand-500 focus:ring-brand-100";
const badBorder = "border-accent-500 focus:border-accent-500 focus:ring-accent-100";

/** A number box: empty or unreadable input becomes NaN, which the schema names ("Escribe un número"). */
function NumberBox({ value, onChange, label, error, disabled, scale = 1, width = "w-24" }: { value: number; onChange: (n: number) => void; label: string; error?: string; disabled: boolean; scale?: number; width?: string }) {
  const shown = Number.isFinite(value) ? String(value / scale) : "";
  return (
    <input
      type="number"
      inputMode="decimal"
      min={0}
      step={scale === 1 ? 1 : 1 / scale}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      value={shown}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value === "" ? Number.NaN : Math.round(Number(e.currentTarget.value) * scale))}
      className={clsx(controlClass, width, "tabular-nums", error ? badBorder : okBorder)}
    />
  );
}

function Choice({ value, options, onChange, label, disabled, error }: { value: string; options: Option[]; onChange: (v: string) => void; label: string; disabled: boolean; error?: string }) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)} className={clsx(controlClass, error ? badBorder : okBorder)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function Checks({ options, checked, onChange, label, disabled, empty }: { options: Option[]; checked: string[]; onChange: (v: string[]) => void; label: string; disabled: boolean; empty: string }) {
  if (options.length === 0) return <span className="text-sm text-ink-subtle">{empty}</span>;
  return (
    <fieldset className="flex flex-wrap gap-1.5" aria-label={label}>
      {options.map((o) => {
        const on = checked.includes(o.value);
        return (
          <label key={o.value} className={clsx("flex h-10 cursor-pointer items-center gap-2 rounded-control border px-3 text-sm", on ? "border-brand-500 bg-brand-50 text-brand-800" : "border-line-strong bg-surface text-ink")}>
            <input type="checkbox" className="size-4 accent-brand-600" checked={on} disabled={disabled} onChange={() => onChange(on ? checked.filter((v) => v !== o.value) : [...checked, o.value])} />
            {o.label}
          </label>
        );
      })}
    </fieldset>
  );
}

const Words = ({ children }: { children: ReactNode }) => <span className="text-sm text-ink-muted">{children}</span>;

/** The value inputs that fit a condition's field, in a sentence-like row. */
export function ConditionValues({ condition: c, onChange, errorFor, options, disabled }: Props) {
  const t = useTranslations("Segments");
  const tv = (key: string) => t(`values.${key}` as "values.days");
  const [citiesText, setCitiesText] = useState(c.type === "city" ? c.cities.join(", ") : "");
  const ops = (...keys: ("gte" | "lte")[]) => keys.map((k) => ({ value: k, label: t(`ops.${k}`) }));
  const days = (value: number, set: (n: number) => void) => <NumberBox value={value} onChange={set} label={tv("days")} error={errorFor("days")} disabled={disabled} width="w-20" />;
  const opChoice = (value: "gte" | "lte", set: (v: "gte" | "lte") => void) => <Choice label={t("builder.operator")} value={value} options={ops("gte", "lte")} onChange={(v) => set(v as "gte" | "lte")} disabled={disabled} />;

  switch (c.type) {
    case "age":
      return (
        <>
          <Words>{tv("between")}</Words>
          <NumberBox value={c.min} onChange={(min) => onChange({ ...c, min })} label={`${t("fields.age")} min`} error={errorFor("min")} disabled={disabled} width="w-20" />
          <Words>{tv("and")}</Words>
          <NumberBox value={c.max} onChange={(max) => onChange({ ...c, max })} label={`${t("fields.age")} max`} error={errorFor("max")} disabled={disabled} width="w-20" />
          <Words>{tv("years")}</Words>
        </>
      );
    case "birthdayMonth": {
      const months = (t.raw("months") as string[]).map((label, i) => ({ value: String(i + 1), label }));
      return <Checks label={t("fields.birthdayMonth")} options={months} checked={c.months.map(String)} onChange={(v) => onChange({ ...c, months: v.map(Number).sort((a, b) => a - b) })} disabled={disabled} empty="" />;
    }
    case "city":
      return (
        <input
          aria-label={t("fields.city")}
          placeholder={tv("citiesPlaceholder")}
          title={tv("citiesHint")}
          value={citiesText}
          disabled={disabled}
          aria-invalid={errorFor("cities") ? true : undefined}
          onChange={(e) => {
            setCitiesText(e.currentTarget.value);
            onChange({ ...c, cities: e.currentTarget.value.split(",").map((s) => s.trim()).filter(Boolean) });
          }}
          className={clsx(controlClass, "w-full min-w-48 flex-1", errorFor("cities") ? badBorder : okBorder)}
        />
      );
    case "consent":
      return (
        <>
          <Choice label={t("fields.consent")} value={c.consent} options={CONSENTS.map((k) => ({ value: k, label: tv(k) }))} onChange={(v) => onChange({ ...c, consent: v as typeof c.consent })} disabled={disabled} />
          <Choice label={t("builder.operator")} value={String(c.value)} options={[{ value: "true", label: tv("given") }, { value: "false", label: tv("notGiven") }]} onChange={(v) => onChange({ ...c, value: v === "true" })} disabled={disabled} />
        </>
      );
    case "enrolment": {
      const opOptions = (["within", "before", "between"] as const).map((k) => ({ value: k, label: t(`ops.${k}`) }));
      const setOp = (op: string) => onChange(op === "between" ? { type: "enrolment", op: "between", from: "", to: "" } : { type: "enrolment", op: op as "within" | "before", days: c.op === "between" ? 30 : c.days });
      return (
        <>
          <Choice label={t("builder.operator")} value={c.op} options={opOptions} onChange={setOp} disabled={disabled} />
          {c.op === "between" ? (
            <>
              <input type="date" aria-label={tv("from")} value={c.from} disabled={disabled} onChange={(e) => onChange({ ...c, from: e.currentTarget.value })} className={clsx(controlClass, errorFor("from") ? badBorder : okBorder)} />
              <Words>{tv("and")}</Words>
              <input type="date" aria-label={tv("to")} value={c.to} disabled={disabled} onChange={(e) => onChange({ ...c, to: e.currentTarget.value })} className={clsx(controlClass, errorFor("to") ? badBorder : okBorder)} />
            </>
          ) : (
            <>
              {days(c.days, (d) => onChange({ ...c, days: d }))}
              <Words>{tv("days")}</Words>
            </>
          )}
        </>
      );
    }
    case "channel":
      return <Checks label={t("fields.channel")} options={ENROLMENT_CHANNELS.map((k) => ({ value: k, label: t(`channels.${k}`) }))} checked={c.channels} onChange={(v) => onChange({ ...c, channels: v as typeof c.channels })} disabled={disabled} empty="" />;
    case "lastPurchase":
      return (
        <>
          {opChoice(c.op, (op) => onChange({ ...c, op }))}
          {days(c.days, (d) => onChange({ ...c, days: d }))}
          <Words>{tv("daysAgo")}</Words>
        </>
      );
    case "purchaseCount":
      return (
        <>
          {opChoice(c.op, (op) => onChange({ ...c, op }))}
          <NumberBox value={c.count} onChange={(count) => onChange({ ...c, count })} label={tv("purchases")} error={errorFor("count")} disabled={disabled} width="w-20" />
          <Words>
            {tv("purchases")} {tv("inLast")}
          </Words>
          {days(c.days, (d) => onChange({ ...c, days: d }))}
          <Words>{tv("days")}</Words>
        </>
      );
    case "spend": {
      const scale = 10 ** currencyDigits(options.currency);
      return (
        <>
          {opChoice(c.op, (op) => onChange({ ...c, op }))}
          <NumberBox value={c.amountMinor} scale={scale} onChange={(amountMinor) => onChange({ ...c, amountMinor })} label={`${t("fields.spend")} (${options.currency})`} error={errorFor("amountMinor")} disabled={disabled} width="w-32" />
          <Words>
            {options.currency} {tv("inLast")}
          </Words>
          {days(c.days, (d) => onChange({ ...c, days: d }))}
          <Words>{tv("days")}</Words>
        </>
      );
    }
    case "tier":
      return <Checks label={t("fields.tier")} options={options.tiers} checked={c.tiers} onChange={(tiers) => onChange({ ...c, tiers })} disabled={disabled} empty={tv("noTiers")} />;
    case "pointsBalance":
      return (
        <>
          {opChoice(c.op, (op) => onChange({ ...c, op }))}
          <NumberBox value={c.points} onChange={(points) => onChange({ ...c, points })} label={tv("points")} error={errorFor("points")} disabled={disabled} width="w-28" />
          <Words>{tv("points")}</Words>
        </>
      );
    case "expiringPoints":
      return (
        <>
          <Words>{t("ops.gte")}</Words>
          <NumberBox value={c.points} onChange={(points) => onChange({ ...c, points })} label={tv("points")} error={errorFor("points")} disabled={disabled} width="w-28" />
          <Words>
            {tv("points")} {tv("expiringWithin")}
          </Words>
          {days(c.days, (d) => onChange({ ...c, days: d }))}
          <Words>{tv("days")}</Words>
        </>
      );
    case "categoryPurchase":
      return options.categories.length === 0 ? (
        <Words>{tv("noCategories")}</Words>
      ) : (
        <>
          <Choice label={t("fields.categoryPurchase")} value={c.category} options={[{ value: "", label: tv("chooseCategory") }, ...options.categories]} onChange={(category) => onChange({ ...c, category })} disabled={disabled} error={errorFor("category")} />
          <Words>{tv("inLast")}</Words>
          {days(c.days, (d) => onChange({ ...c, days: d }))}
          <Words>{tv("days")}</Words>
        </>
      );
    case "churnRisk":
      return (
        <>
          {opChoice(c.op, (op) => onChange({ ...c, op }))}
          <NumberBox value={c.percent} onChange={(percent) => onChange({ ...c, percent })} label={`${t("fields.churnRisk")} (%)`} error={errorFor("percent")} disabled={disabled} width="w-20" />
          <Words>{tv("percent")}</Words>
        </>
      );
    case "predictedClv": {
      const scale = 10 ** currencyDigits(options.currency);
      return (
        <>
          {opChoice(c.op, (op) => onChange({ ...c, op }))}
          <NumberBox value={c.amountMinor} scale={scale} onChange={(amountMinor) => onChange({ ...c, amountMinor })} label={`${t("fields.predictedClv")} (${options.currency})`} error={errorFor("amountMinor")} disabled={disabled} width="w-32" />
          <Words>{options.currency}</Words>
        </>
      );
    }
    case "replenishmentDue":
      return (
        <>
          <Words>{tv("inNext")}</Words>
          {days(c.days, (d) => onChange({ ...c, days: d }))}
          <Words>{tv("days")}</Words>
        </>
      );
  }
}
