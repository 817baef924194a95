"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { overrideTierAction } from "../actions";

type TierOption = { key: string; label: string };

/** Put the member in a tier until a date, with a reason (members:write). */
export function TierOverrideForm({ memberId, tiers, currentTier, defaultUntil, minDate }: { memberId: string; tiers: TierOption[]; currentTier: string | null; defaultUntil: string; minDate: string }) {
  const t = useTranslations("MemberForms.override");
  const [state, action] = useActionState(overrideTierAction, emptyFormState);
  const failed = state.message?.tone === "error";
  const tierError = state.fieldErrors?.tierKey;
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="override-message" data-testid="override-form">
      <input type="hidden" name="memberId" value={memberId} />
      <FormMessage id="override-message" message={state.message} />
      <div key={failed ? "retry" : (state.message?.text ?? "new")} className="space-y-4">
        <div>
          <label htmlFor="field-tierKey" className="block text-sm font-medium text-ink">{t("tier")}</label>
          <select
            id="field-tierKey"
            name="tierKey"
            defaultValue={failed ? state.values?.tierKey : (currentTier ?? tiers[0]?.key)}
            aria-invalid={tierError ? true : undefined}
            aria-describedby={tierError ? "field-tierKey-error" : undefined}
            className="mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3 text-base text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none sm:text-sm"
          >
            {tiers.map((tier) => (
              <option key={tier.key} value={tier.key}>{tier.label}</option>
            ))}
          </select>
          {tierError ? <p id="field-tierKey-error" className="mt-1.5 text-sm font-medium text-accent-700" data-testid="tierKey-error">{tierError}</p> : null}
        </div>
        <TextField name="until" type="date" label={t("until")} min={minDate} required defaultValue={failed ? state.values?.until : defaultUntil} error={state.fieldErrors?.until} />
        <TextField name="overrideReason" label={t("reason")} autoComplete="off" required maxLength={500} defaultValue={failed ? state.values?.overrideReason : ""} error={state.fieldErrors?.overrideReason} />
      </div>
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
