"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { requestCodeAction } from "../actions";

type RequestCodeFormProps = { program?: string; callbackUrl?: string; email?: string; notice?: FormState["message"] };

export function RequestCodeForm({ program, callbackUrl, email, notice }: RequestCodeFormProps) {
  const t = useTranslations("MemberSignIn");
  const [state, action] = useActionState(requestCodeAction, emptyFormState);
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby="form-message">
      <FormMessage message={state.message ?? notice} />
      {program ? <input type="hidden" name="program" value={program} /> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        inputMode="email"
        required
        autoFocus
        inputSize="lg"
        defaultValue={state.values?.email ?? email}
        key={`email-${state.values?.email ?? ""}`}
        error={state.fieldErrors?.email}
      />
      <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
