"use client";

import { useActionState } from "react";
import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { createWebhookAction, type SecretState } from "../actions";
import { EventCheckboxes } from "./event-checkboxes";
import { SigningSecret } from "./signing-secret";

const DEFAULT_EVENTS = ["points.earned", "points.redeemed"];

export function CreateEndpointForm() {
  const t = useTranslations("Webhooks");
  const [state, action] = useActionState(createWebhookAction, {} as SecretState);
  const echoed = state.values?.events?.split(",").filter(Boolean);
  return (
    <div className="space-y-5">
      {state.secret ? (
        <div className="space-y-2">
          <SigningSecret secret={state.secret} />
          <Link href={`/console/developers/webhooks/${state.endpointId}`} className="text-sm font-medium text-brand-700 hover:underline">
            {t("summary.open")} →
          </Link>
        </div>
      ) : null}
      <form action={action} noValidate className="space-y-4" aria-describedby="create-webhook-message" data-testid="create-webhook-form">
        <FormMessage id="create-webhook-message" message={state.message} />
        <div key={state.secret ?? "form"} className="space-y-4">
          <TextField name="url" type="url" label={t("fields.url")} hint={t("fields.urlHint")} placeholder="https://" autoComplete="off" required defaultValue={state.secret ? "" : state.values?.url} error={state.fieldErrors?.url} />
          <TextField name="description" label={t("fields.description")} labelNote={t("fields.descriptionNote")} hint={t("fields.descriptionHint")} autoComplete="off" defaultValue={state.secret ? "" : state.values?.description} error={state.fieldErrors?.description} />
          <EventCheckboxes checked={echoed ?? DEFAULT_EVENTS} error={state.fieldErrors?.events} />
        </div>
        <SubmitButton pendingLabel={t("create.creating")} className="w-full">
          {t("create.submit")}
        </SubmitButton>
      </form>
    </div>
  );
}
