"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { createApiKeyAction, type CreateApiKeyState } from "../actions";

/** `rateLimit`: the server default a key without its own limit gets, and the most a key may have. */
export function CreateKeyForm({ scopes, rateLimit }: { scopes: readonly string[]; rateLimit: { default: number; max: number } }) {
  const t = useTranslations("ApiKeys");
  const [state, action] = useActionState(createApiKeyAction, {} as CreateApiKeyState);
  return (
    <div className="space-y-5">
      {state.created ? <NewKey name={state.created.name} secret={state.created.key} /> : null}
      <form action={action} noValidate className="space-y-4" aria-describedby="create-key-message" data-testid="create-key-form">
        <FormMessage id="create-key-message" message={state.message} />
        <div key={state.created?.key ?? "form"} className="space-y-4">
          <TextField name="name" label={t("fields.name")} hint={t("fields.nameHint")} autoComplete="off" required defaultValue={state.created ? "" : state.values?.name} error={state.fieldErrors?.name} />
          <fieldset aria-describedby={state.fieldErrors?.scopes ? "scopes-error" : "scopes-hint"}>
            <legend className="text-sm font-medium text-ink">{t("fields.scopes")}</legend>
            <p id="scopes-hint" className="mt-0.5 text-xs text-ink-subtle">
              {t("fields.scopesHint")}
            </p>
            <div className="mt-2 space-y-1.5">
              {scopes.map((scope) => (
                <label key={scope} className="flex items-center gap-2.5 text-sm text-ink">
                  <input type="checkbox" name="scopes" value={scope} defaultChecked className="size-4 accent-brand-600" />
                  <code className="font-mono text-xs">{scope}</code>
                  <span className="text-xs text-ink-subtle">{t(`scopeNames.${scope.replace(":", "_")}` as "scopeNames.members_read")}</span>
                </label>
              ))}
            </div>
            {state.fieldErrors?.scopes ? (
              <p id="scopes-error" className="mt-1.5 text-sm font-medium text-accent-700">
                {state.fieldErrors.scopes}
              </p>
            ) : null}
          </fieldset>
          <TextField
            name="rateLimitPerMinute"
            label={t("fields.rateLimit")}
            hint={t("fields.rateLimitHint", { count: rateLimit.default })}
            type="number"
            inputMode="numeric"
            min={1}
            max={rateLimit.max}
            step={1}
            autoComplete="off"
            defaultValue={state.created ? "" : state.values?.rateLimitPerMinute}
            error={state.fieldErrors?.rateLimitPerMinute}
          />
        </div>
        <SubmitButton pendingLabel={t("create.creating")} className="w-full">
          {t("create.submit")}
        </SubmitButton>
      </form>
    </div>
  );
}

/** The secret, once: copy it now, it is never shown again. */
function NewKey({ name, secret }: { name: string; secret: string }) {
  const t = useTranslations("ApiKeys.created");
  return (
    <OneTimeSecret
      secret={secret}
      title={t("title", { name })}
      warning={t("warning")}
      label={t("keyLabel")}
      copyLabel={t("copy")}
      copiedLabel={t("copied")}
      testId="new-api-key"
    />
  );
}
