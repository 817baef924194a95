"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { MyConsents } from "@/lib/services/members/update-my-consents";
import { updateConsentsAction } from "../actions";

type Field = "marketing" | "personalization";

/** Two explicit yes/no choices; saying no never costs points or rewards. */
export function ConsentsForm({ consents }: { consents: MyConsents }) {
  const t = useTranslations("MyPrivacy.consents");
  const [state, action] = useActionState(updateConsentsAction, emptyFormState);
  const current = (field: Field) => state.values?.[field] || (consents[field] ? "yes" : "no");
  return (
    <form action={action} className="space-y-4" data-testid="consents-form" aria-describedby="consents-message">
      {(["marketing", "personalization"] as const).map((field) => {
        const error = state.fieldErrors?.[field];
        return (
          <fieldset key={field} className="rounded-control border border-line p-4" aria-describedby={error ? `${field}-error` : `${field}-hint`}>
            <legend className="px-1 font-medium text-ink">{t(field)}</legend>
            <p id={`${field}-hint`} className="text-sm text-ink-muted">{t(`${field}Hint`)}</p>
            <div className="mt-3 flex gap-3">
              {(["yes", "no"] as const).map((choice) => (
                <label key={choice} className="flex min-h-11 flex-1 cursor-pointer items-center gap-2 rounded-control border border-line-strong px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name={field} value={choice} defaultChecked={current(field) === choice} className="size-4 accent-brand-600" data-testid={`consent-${field}-${choice}`} />
                  <span className="text-sm font-medium text-ink">{t(choice)}</span>
                </label>
              ))}
            </div>
            {error ? <p id={`${field}-error`} className="mt-2 text-sm text-accent-700">{error}</p> : null}
          </fieldset>
        );
      })}
      <FormMessage id="consents-message" message={state.message} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
