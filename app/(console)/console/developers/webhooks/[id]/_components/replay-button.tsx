"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { replayWebhookAction } from "../../actions";

export function ReplayButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const t = useTranslations("Webhooks.log");
  const [state, action] = useActionState(replayWebhookAction, emptyFormState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      {state.message ? (
        <span className={state.message.tone === "error" ? "text-xs text-accent-700" : "text-xs text-brand-700"} data-testid="replay-message" aria-live="polite">
          {state.message.text}
        </span>
      ) : null}
      <SubmitButton pendingLabel={t("replaying")} variant="secondary" className="h-8 px-3 text-xs">
        {t("replay")}
      </SubmitButton>
    </form>
  );
}
