"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Icon } from "@/components/ui/icons";
import { joinAction } from "../actions";

function Consent({ name, children, error, defaultChecked, required }: { name: string; children: ReactNode; error?: string; defaultChecked?: boolean; required?: boolean }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="flex cursor-pointer items-start gap-3 text-sm text-ink">
        <input
          id={id}
          name={name}
          type="checkbox"
          required={required}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-0.5 size-5 shrink-0 rounded border-line-strong accent-brand-600"
        />
        <span>{children}</span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 ml-8 text-sm font-medium text-accent-700" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function JoinForm({ program, referralCode }: { program?: string; referralCode?: string }) {
  const t = useTranslations("Join");
  const tr = useTranslations("ReferralJoin");
  const [state, action] = useActionState(joinAction, emptyFormState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  // Re-mount the inputs with the echoed values after each answer.
  const k = JSON.stringify(v);
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby="form-message">
      <FormMessage message={state.message} />
      {program ? <input type="hidden" name="program" value={program} /> : null}
      <div key={k} className="space-y-5">
        <TextField name="name" label={t("name")} autoComplete="name" required autoFocus defaultValue={v.name} error={e.name} />
        <TextField name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" required hint={t("emailHint")} defaultValue={v.email} error={e.email} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="phone" type="tel" label={t("phone")} labelNote={t("optional")} autoComplete="tel" defaultValue={v.phone} error={e.phone} />
          <TextField name="birthday" type="date" label={t("birthday")} labelNote={t("optional")} autoComplete="bday" defaultValue={v.birthday} error={e.birthday} />
        </div>
        {/* Prefilled from the friend's link (?ref=), still visible and editable. */}
        <TextField name="referralCode" label={tr("label")} labelNote={t("optional")} hint={tr("hint")} autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={v.referralCode ?? referralCode} error={e.referralCode} />
        <fieldset className="space-y-3.5 rounded-control border border-line bg-surface-muted/60 p-4">
          <legend className="px-1 text-sm font-semibold text-ink">{t("consentsTitle")}</legend>
          <Consent name="terms" required error={e.terms}>
            {t("terms")}
          </Consent>
          <Consent name="marketing" defaultChecked={v.marketing === "on"}>
            {t("marketing")}
          </Consent>
          <Consent name="personalization" defaultChecked={v.personalization === "on"}>
            {t("personalization")}
          </Consent>
          <p className="flex items-start gap-2 border-t border-line pt-3.5 text-xs leading-relaxed text-ink-muted" data-testid="consent-note">
            <Icon name="heart" className="mt-px size-4 shrink-0 text-brand-600" />
            {t("consentNote")}
          </p>
        </fieldset>
      </div>
      <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
