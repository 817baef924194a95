"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { createBrandAction } from "../actions";

type Props = { defaults: { currency: string; locale: string; timeZone: string }; locales: { value: string; label: string }[] };

/** Organization owners add a brand: name, identifier, currency, locale and zone (the rest is edited in its settings). */
export function NewBrandForm({ defaults, locales }: Props) {
  const t = useTranslations("Organization.brands");
  const [state, action] = useActionState(createBrandAction, emptyFormState);
  const v = (k: string, fallback = "") => state.values?.[k] ?? fallback;
  return (
    <Card className="mt-6" data-testid="new-brand-card">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
          <TextField name="name" label={t("name")} defaultValue={v("name")} error={state.fieldErrors?.name} required />
          <TextField name="slug" label={t("slug")} defaultValue={v("slug")} hint={t("slugHint")} error={state.fieldErrors?.slug} required />
          <TextField name="currency" label={t("currency")} defaultValue={v("currency", defaults.currency)} maxLength={3} error={state.fieldErrors?.currency} />
          <div>
            <label htmlFor="field-locale" className="block text-sm font-medium text-ink">{t("locale")}</label>
            <select id="field-locale" name="locale" defaultValue={v("locale", defaults.locale)} className="mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none">
              {locales.map((l) => (
                <option key={l.value} value={l.value}>{l.label}</option>
              ))}
            </select>
          </div>
          <TextField name="timeZone" label={t("timeZone")} defaultValue={v("timeZone", defaults.timeZone)} error={state.fieldErrors?.timeZone} className="sm:col-span-2" />
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
            <div className="min-w-0 flex-1">
              <FormMessage message={state.message} id="new-brand-message" />
            </div>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
