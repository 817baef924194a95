"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { ButtonLink } from "@/components/ui/button";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const [state, action] = useActionState(requestPasswordResetAction, emptyFormState);
  if (state.message?.tone === "success") {
    return (
      <div className="space-y-5" data-testid="reset-sent">
        <h2 className="text-base font-semibold text-ink">{t("sentTitle")}</h2>
        <FormMessage message={state.message} />
        <ButtonLink href="/sign-in" variant="secondary" className="w-full">
          {t("back")}
        </ButtonLink>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby="form-message">
      <FormMessage message={state.message} />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        inputMode="email"
        required
        autoFocus
        defaultValue={state.values?.email}
        key={`email-${state.values?.email ?? ""}`}
        error={state.fieldErrors?.email}
      />
      <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
