"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { updateWebhookAction } from "../../actions";
import { EventCheckboxes } from "../../_components/event-checkboxes";

export function EditEndpointForm({ endpointId, events, description }: { endpointId: string; events: string[]; description: string | null }) {
  const t = useTranslations("Webhooks");
  const [state, action] = useActionState(updateWebhookAction, emptyFormState);
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="edit-webhook-message" data-testid="edit-webhook-form">
      <FormMessage id="edit-webhook-message" message={state.message} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <TextField name="description" label={t("fields.description")} labelNote={t("fields.descriptionNote")} autoComplete="off" defaultValue={state.values?.description ?? description ?? ""} error={state.fieldErrors?.description} />
      <EventCheckboxes checked={events} error={state.fieldErrors?.events} />
      <SubmitButton pendingLabel={t("detail.saving")} className="w-full">
        {t("detail.save")}
      </SubmitButton>
    </form>
  );
}
