"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { importCodesAction } from "../actions";

/** Paste a partner's list; the answer says how many were new and how many are free now. */
export function PartnerCodesForm({ rewardId, free, canWrite }: { rewardId: string; free: number; canWrite: boolean }) {
  const t = useTranslations("PartnerCodes");
  const [state, action] = useActionState(importCodesAction, {} as FormState);
  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold text-ink" data-testid="free-codes">
        {t("free", { count: free })}
      </p>
      {canWrite ? (
        <form action={action} noValidate className="space-y-3" data-testid="partner-codes-form">
          <p className="text-xs text-ink-muted">{t("description")}</p>
          <input type="hidden" name="rewardId" value={rewardId} />
          <FormMessage id="partner-codes-message" message={state.message} />
          <label htmlFor="field-codes" className="block text-sm font-medium text-ink">
            {t("label")}
          </label>
          <textarea
            id="field-codes"
            name="codes"
            rows={6}
            defaultValue={state.message?.tone === "error" ? state.values?.codes : ""}
            aria-invalid={state.fieldErrors?.text ? true : undefined}
            aria-describedby={state.fieldErrors?.text ? "codes-error" : undefined}
            className="block w-full rounded-control border border-line-strong bg-surface px-3 py-2 font-mono text-xs text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
          />
          {state.fieldErrors?.text ? (
            <p id="codes-error" className="text-sm font-medium text-accent-700">
              {state.fieldErrors.text}
            </p>
          ) : null}
          <SubmitButton pendingLabel={t("importing")} variant="secondary" className="w-full">
            {t("submit")}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
