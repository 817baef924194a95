"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { acceptInvitationAction } from "../actions";

export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations("Invite");
  const [state, action] = useActionState(acceptInvitationAction, emptyFormState);
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby="form-message">
      <FormMessage message={state.message} />
      {state.message?.tone === "error" ? <p className="-mt-2 text-sm text-ink-muted">{t("askAgain")}</p> : null}
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
