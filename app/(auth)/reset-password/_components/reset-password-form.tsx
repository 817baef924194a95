"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Icon } from "@/components/ui/icons";
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
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        required
        minLength={10}
        autoFocus
        aria-describedby={["password-rules", state.fieldErrors?.password ? "field-password-error" : null].filter(Boolean).join(" ")}
        error={state.fieldErrors?.password}
      />
      <div id="password-rules" className="-mt-2 rounded-control bg-surface-muted px-3.5 py-3 text-xs text-ink-muted">
        <p className="font-medium text-ink">{t("rulesTitle")}</p>
        <ul className="mt-1.5 space-y-1">
          {(["min", "repeat", "common"] as const).map((rule) => (
            <li key={rule} className="flex items-start gap-2">
              <Icon name="info" className="mt-px size-3.5 shrink-0 text-brand-600" />
              {t(`rules.${rule}`)}
            </li>
          ))}
        </ul>
      </div>
      <TextField name="confirm" type="password" label={t("confirm")} autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <SubmitButton pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
