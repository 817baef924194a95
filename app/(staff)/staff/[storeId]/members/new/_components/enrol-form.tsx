"use client";

import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, type KeyboardEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { enrolAtDeskAction } from "../actions";

type EnrolFormProps = { storeId: string; defaults: { name: string; email: string; phone: string } };

/** Enrolment at the counter: Enter submits, Esc cancels back to the search. */
export function EnrolForm({ storeId, defaults }: EnrolFormProps) {
  const t = useTranslations("DeskEnrol");
  const [state, action] = useActionState(enrolAtDeskAction, emptyFormState);
  const firstInvalid = useRef<HTMLFormElement>(null);
  const values = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const cancelHref = `/staff/${storeId}`;
  const existing = state.values?.existingMemberId;

  useEffect(() => {
    firstInvalid.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      document.getElementById("enrol-cancel")?.click();
    }
  };

  return (
    <form ref={firstInvalid} action={action} onKeyDown={onKeyDown} noValidate className="space-y-6" aria-describedby="form-message" data-testid="enrol-form">
      <input type="hidden" name="storeId" value={storeId} />
      <FormMessage message={state.message} />
      {existing ? (
        <ButtonLink href={`/staff/${storeId}/members/${existing}`} variant="secondary" size="lg" data-testid="open-existing">
          <Icon name="idCard" className="size-5" />
          {t("errors.openExisting")}
        </ButtonLink>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="name"
          label={t("name")}
          defaultValue={values.name}
          key={`name-${values.name}`}
          error={errors.name}
          inputSize="lg"
          autoComplete="off"
          autoFocus={!defaults.name}
          required
          className="sm:col-span-2"
        />
        <TextField name="email" type="email" label={t("email")} defaultValue={values.email} key={`email-${values.email}`} error={errors.email} inputSize="lg" autoComplete="off" inputMode="email" required />
        <TextField name="phone" type="tel" label={t("phone")} labelNote={t("optional")} defaultValue={values.phone} key={`phone-${values.phone}`} error={errors.phone} inputSize="lg" autoComplete="off" inputMode="tel" />
      </div>
      <fieldset className="space-y-3" aria-describedby={errors.terms ? "field-terms-error" : "consents-hint"}>
        <legend className="text-base font-semibold text-ink">{t("consents")}</legend>
        <p id="consents-hint" className="text-sm text-ink-muted">
          {t("consentsHint")}
        </p>
        <Consent name="terms" label={t("terms")} invalid={Boolean(errors.terms)} />
        {errors.terms ? (
          <p id="field-terms-error" className="text-sm font-medium text-accent-700" data-testid="terms-error">
            {errors.terms}
          </p>
        ) : null}
        <Consent name="marketing" label={t("marketing")} />
        <Consent name="personalization" label={t("personalization")} />
      </fieldset>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link id="enrol-cancel" href={cancelHref} className="inline-flex h-16 items-center justify-center rounded-control px-8 text-lg font-medium text-ink-muted hover:bg-surface-muted hover:text-ink">
          {t("cancel")}
        </Link>
        <SubmitButton size="xl" pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

function Consent({ name, label, invalid = false }: { name: string; label: string; invalid?: boolean }) {
  return (
    <label
      className={`flex min-h-14 cursor-pointer items-center gap-4 rounded-control border px-4 py-3 text-base text-ink has-[:checked]:border-brand-400 has-[:checked]:bg-brand-50 ${invalid ? "border-accent-500" : "border-line-strong"}`}
    >
      <input type="checkbox" name={name} aria-invalid={invalid || undefined} className="size-6 shrink-0 accent-brand-600" data-testid={`consent-${name}`} />
      <span>{label}</span>
    </label>
  );
}
