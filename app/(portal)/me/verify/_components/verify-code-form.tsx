"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { resendCodeAction, verifyCodeAction } from "../../sign-in/actions";

type VerifyCodeFormProps = { email: string; program?: string; callbackUrl?: string };

/** The code form and, below it, "send a new code" (its own form, its own message). */
export function VerifyCodeForm({ email, program, callbackUrl }: VerifyCodeFormProps) {
  const t = useTranslations("MemberVerify");
  const [state, verify] = useActionState(verifyCodeAction, emptyFormState);
  const [resent, resend] = useActionState(resendCodeAction, emptyFormState);
  const hidden = (
    <>
      <input type="hidden" name="email" value={email} />
      {program ? <input type="hidden" name="program" value={program} /> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
    </>
  );
  return (
    <div className="space-y-6">
      <form action={verify} noValidate className="space-y-5" aria-describedby="form-message">
        <FormMessage message={state.message} />
        {hidden}
        <TextField
          name="code"
          label={t("code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          inputSize="lg"
          className="[&_input]:text-center [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.4em]"
          error={state.fieldErrors?.code}
        />
        <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
          {t("submit")}
        </SubmitButton>
      </form>
      <form action={resend} className="border-t border-line pt-5">
        {hidden}
        <FormMessage id="resend-message" message={resent.message} />
        <p className="flex flex-wrap items-center justify-center gap-x-2 text-sm text-ink-muted">
          {t("noCode")}
          <SubmitButton pendingLabel={t("resend")} variant="ghost" className="!h-auto !px-1 font-medium text-brand-700 hover:bg-transparent hover:underline">
            {t("resend")}
          </SubmitButton>
        </p>
      </form>
    </div>
  );
}
