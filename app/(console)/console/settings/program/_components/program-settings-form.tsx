"use client";

import { clsx } from "clsx";
import { useActionState, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { EXAMPLE_POINTS, formatPointValue, parsePointValue, pointsWorthMinor, pointValueDecimals } from "@/lib/domain/programs/point-value";
import { formatDate, formatMoney, formatPoints, numberLocale } from "@/lib/format";
import type { ProgramSettingsView } from "@/lib/services/programs/get-program-settings";
import { CLAWBACK_POLICIES } from "@/lib/validation/program-settings";
import { updateProgramSettingsAction } from "../actions";
import { TimeZoneSelect } from "./time-zone-select";

type Option = { value: string; label: string };
type Props = { settings: ProgramSettingsView; locales: Option[]; zones: string[]; currencyName: string };
type Values = Record<"name" | "pointNameEs" | "pointNameEn" | "locale" | "timeZone" | "pointValue" | "clawbackPolicy", string>;

function savedValues(s: ProgramSettingsView): Values {
  return {
    name: s.name,
    pointNameEs: s.pointName.es,
    pointNameEn: s.pointName.en,
    locale: s.locale,
    timeZone: s.timeZone,
    pointValue: s.pointValueMilli === null ? "" : formatPointValue(s.pointValueMilli, s.currencyDigits),
    clawbackPolicy: s.clawbackPolicy,
  };
}

/** The whole settings form: one save, field errors under each field, nothing saved while any is wrong. */
export function ProgramSettingsForm({ settings, locales, zones, currencyName }: Props) {
  const t = useTranslations("ProgramSettings");
  const [state, action] = useActionState(updateProgramSettingsAction, emptyFormState);
  const saved = savedValues(settings);
  const shown = { ...saved, ...(state.values as Partial<Values> | undefined) };
  return (
    <form action={action} noValidate className="mt-8 space-y-6" aria-describedby="settings-message" data-testid="program-settings-form">
      <FormMessage id="settings-message" message={state.message} />
      {/* Remounted after each answer, so the fields show what was posted (after a refusal) or what is now saved. */}
      <Fields key={JSON.stringify([state, saved])} state={state} values={shown} settings={settings} locales={locales} zones={zones} currencyName={currencyName} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-auto">
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}

function Fields({ state, values, settings, locales, zones, currencyName }: Omit<Props, "settings"> & { state: FormState; values: Values; settings: ProgramSettingsView }) {
  const t = useTranslations("ProgramSettings");
  const uiLocale = useLocale();
  const [locale, setLocale] = useState(values.locale);
  const [pointValue, setPointValue] = useState(values.pointValue);
  const [pointName, setPointName] = useState(uiLocale === "en" ? values.pointNameEn : values.pointNameEs);
  const errors = state.fieldErrors ?? {};
  const { currency, currencyDigits } = settings;
  const pointNameField = uiLocale === "en" ? "pointNameEn" : "pointNameEs";
  // A typical value to suggest: a cent of a currency with cents, one unit of one without (CLP).
  const sample = formatPointValue(currencyDigits > 0 ? 10 ** currencyDigits * 10 : 1_000, currencyDigits);

  return (
    <>
      <Section id="identity" title={t("sections.identity")} hint={t("sections.identityHint")}>
        <TextField name="name" label={t("fields.name")} defaultValue={values.name} autoComplete="off" maxLength={120} required error={errors.name} />
        <div className="grid gap-4 sm:grid-cols-2">
          {(["pointNameEs", "pointNameEn"] as const).map((name) => (
            <TextField
              key={name}
              name={name}
              label={t(`fields.${name}`)}
              hint={t("fields.pointNameHint")}
              defaultValue={values[name]}
              onChange={name === pointNameField ? (e) => setPointName(e.target.value) : undefined}
              autoComplete="off"
              maxLength={30}
              required
              error={errors[name]}
            />
          ))}
        </div>
      </Section>

      <Section id="region" title={t("sections.region")} hint={t("sections.regionHint")}>
        <div>
          <Label htmlFor="field-locale">{t("fields.locale")}</Label>
          <select
            id="field-locale"
            name="locale"
            defaultValue={values.locale}
            onChange={(e) => setLocale(e.target.value)}
            aria-invalid={errors.locale ? true : undefined}
            aria-describedby={["field-locale-hint", errors.locale ? "field-locale-error" : null].filter(Boolean).join(" ")}
            className={selectClass(errors.locale)}
          >
            {locales.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <Hint id="field-locale-hint">{t("fields.localeSample", { money: formatMoney(123_456, currency, locale), date: formatDate("2026-12-31T12:00:00Z", locale, "UTC") })}</Hint>
          <FieldError name="locale" error={errors.locale} />
        </div>
        <div>
          <Label htmlFor="field-timeZone">{t("fields.timeZone")}</Label>
          <TimeZoneSelect zones={zones} defaultValue={values.timeZone} error={errors.timeZone} className={selectClass(errors.timeZone)} />
          <Hint id="field-timeZone-hint">{t("fields.timeZoneHint")}</Hint>
          <FieldError name="timeZone" error={errors.timeZone} />
        </div>
        <div>
          <p className="block text-sm font-medium text-ink" id="currency-label">
            {t("fields.currency")}
          </p>
          <p
            className="mt-1.5 flex h-11 items-center gap-2 rounded-control border border-line bg-surface-muted px-3.5 text-sm text-ink"
            aria-labelledby="currency-label"
            aria-describedby="currency-hint"
            data-testid="currency-readonly"
          >
            <span className="font-mono font-semibold">{currency}</span>
            <span className="truncate text-ink-muted">{currencyName}</span>
          </p>
          <Hint id="currency-hint">{t("fields.currencyLocked")}</Hint>
        </div>
      </Section>

      <Section id="point-value" title={t("sections.value")} hint={t("sections.valueHint")}>
        <TextField
          name="pointValue"
          label={t("fields.pointValue", { currency })}
          hint={t("fields.pointValueHint", { decimals: pointValueDecimals(currencyDigits), sample })}
          defaultValue={values.pointValue}
          onChange={(e) => setPointValue(e.target.value)}
          inputMode="decimal"
          autoComplete="off"
          placeholder={sample}
          error={errors.pointValue}
        />
        <PointValueExample text={pointValue} currency={currency} currencyDigits={currencyDigits} pointName={pointName} locale={numberLocale(uiLocale, locale)} />
        <p className="text-xs text-ink-subtle">{t("fields.usedFor")}</p>
      </Section>

      <Section id="clawback" title={t("sections.clawback")} hint={t("sections.clawbackHint")}>
        <fieldset aria-describedby={errors.clawbackPolicy ? "field-clawbackPolicy-error" : undefined} aria-invalid={errors.clawbackPolicy ? true : undefined}>
          <legend className="text-sm font-medium text-ink">{t("fields.clawbackPolicy")}</legend>
          <div className="mt-2 grid gap-2">
            {CLAWBACK_POLICIES.map((policy) => (
              <label key={policy} className="flex cursor-pointer items-start gap-3 rounded-control border border-line px-3.5 py-3 hover:bg-surface-muted has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50" data-testid={`clawback-${policy}`}>
                <input type="radio" name="clawbackPolicy" value={policy} defaultChecked={values.clawbackPolicy === policy} className="mt-0.5 size-4 shrink-0 accent-brand-600" aria-describedby={`clawback-${policy}-hint`} />
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-ink">{t(`clawback.${policy}`)}</span>
                  <span id={`clawback-${policy}-hint`} className="mt-0.5 block text-xs text-ink-muted">
                    {t(`clawback.${policy}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
          <FieldError name="clawbackPolicy" error={errors.clawbackPolicy} />
        </fieldset>
      </Section>
    </>
  );
}

/** "1,000 puntos = USD 10.00", live as the value is typed; says what an empty value means. */
function PointValueExample({ text, currency, currencyDigits, pointName, locale }: { text: string; currency: string; currencyDigits: number; pointName: string; locale: string }) {
  const t = useTranslations("ProgramSettings.fields");
  const parsed = parsePointValue(text, currencyDigits);
  const line = !parsed.ok
    ? t("exampleInvalid")
    : parsed.milli === null
      ? t("exampleUnset")
      : t("example", { points: formatPoints(EXAMPLE_POINTS, locale), pointName: pointName.trim() || "—", amount: formatMoney(pointsWorthMinor(EXAMPLE_POINTS, parsed.milli), currency, locale) });
  const set = parsed.ok && parsed.milli !== null;
  return (
    <p
      className={clsx("flex items-start gap-2.5 rounded-control px-3.5 py-3 text-sm", set ? "bg-brand-50 font-medium text-brand-900" : "bg-surface-muted text-ink-muted")}
      aria-live="polite"
      data-testid="point-value-example"
    >
      <Icon name={set ? "coins" : "info"} className="mt-0.5 size-4 shrink-0" />
      <span className={set ? "tabular-nums" : undefined}>{line}</span>
    </p>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-title`} id={id} className="scroll-mt-24">
      <div className="grid gap-5 p-5 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8 lg:p-6">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-ink">
            {title}
          </h2>
          <p className="mt-1 text-sm text-ink-muted">{hint}</p>
        </div>
        <div className="min-w-0 space-y-5">{children}</div>
      </div>
    </Card>
  );
}

function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-ink">
      {children}
    </label>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1.5 text-xs text-ink-subtle">
      {children}
    </p>
  );
}

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`field-${name}-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

function selectClass(error?: string) {
  return clsx(
    "mt-1.5 block h-11 w-full rounded-control border bg-surface px-3 text-base text-ink focus:ring-4 focus:outline-none sm:text-sm",
    error ? "border-accent-500 focus:border-accent-500 focus:ring-accent-100" : "border-line-strong focus:border-brand-500 focus:ring-brand-100",
  );
}
