"use client";

import Link from "@/components/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("ResetPassword");
  const [state, action] = useActionState(resetPasswordAction, emptyFormState);
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby="form-message">
      <FormMessage message={state.message} />
      {state.message?.tone === "error" ? (
        <p className="-mt-2 text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
            {t("requestNew")}
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        state={state}
        labels={{ password: t("password"), rulesTitle: t("rulesTitle"), rules: { min: t("rules.min"), repeat: t("rules.repeat"), common: t("rules.common") }, confirm: t("confirm") }}
      />
      <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
