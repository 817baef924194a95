"use client";

import Link from "@/components/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: FormState["message"] }) {
  const t = useTranslations("SignIn");
  const [state, action] = useActionState(signInAction, emptyFormState);
  const message = state.message ?? notice;
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby="form-message">
      <FormMessage message={message} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
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
      <div>
        <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required error={state.fieldErrors?.password} />
        <p className="mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:text-brand-800 hover:underline">
            {t("forgot")}
          </Link>
        </p>
      </div>
      <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
