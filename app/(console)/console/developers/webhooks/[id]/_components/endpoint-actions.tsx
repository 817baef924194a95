"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookAction, setWebhookStatusAction, type SecretState } from "../../actions";
import { SigningSecret } from "../../_components/signing-secret";

type Props = { endpointId: string; status: "active" | "disabled" };

/** Test, enable/disable, rotate and delete; the last two ask first. */
export function EndpointActions({ endpointId, status }: Props) {
  const t = useTranslations("Webhooks.actions");
  const [testState, testAction] = useActionState(sendTestWebhookAction, emptyFormState);
  const [statusState, statusAction] = useActionState(setWebhookStatusAction, emptyFormState);
  const [rotateState, rotateAction] = useActionState(rotateWebhookSecretAction, {} as SecretState);
  const [deleteState, deleteAction] = useActionState(deleteWebhookAction, emptyFormState);
  const message = [testState, statusState, rotateState, deleteState].find((s) => s.message)?.message;
  return (
    <div className="space-y-3">
      <FormMessage id="endpoint-actions-message" message={message} />
      {rotateState.secret ? <SigningSecret secret={rotateState.secret} rotated /> : null}
      {status === "active" ? (
        <form action={testAction}>
          <input type="hidden" name="endpointId" value={endpointId} />
          <SubmitButton pendingLabel={t("testing")} variant="secondary" className="w-full">
            {t("test")}
          </SubmitButton>
        </form>
      ) : null}
      <form action={statusAction}>
        <input type="hidden" name="endpointId" value={endpointId} />
        <input type="hidden" name="status" value={status === "active" ? "disabled" : "active"} />
        <SubmitButton pendingLabel={status === "active" ? t("disabling") : t("enabling")} variant={status === "active" ? "secondary" : "primary"} className="w-full">
          {status === "active" ? t("disable") : t("enable")}
        </SubmitButton>
      </form>
      <Confirmed label={t("rotate")} pending={t("rotating")} question={t("rotateConfirm")} endpointId={endpointId} action={rotateAction} key={rotateState.secret ?? "rotate"} />
      <Confirmed label={t("delete")} pending={t("deleting")} question={t("deleteConfirm")} endpointId={endpointId} action={deleteAction} danger />
    </div>
  );
}

function Confirmed(p: { label: string; pending: string; question: string; endpointId: string; action: (form: FormData) => void; danger?: boolean }) {
  const t = useTranslations("Webhooks.actions");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant={p.danger ? "ghost" : "secondary"} className={p.danger ? "w-full text-accent-700 hover:text-accent-700" : "w-full"} onClick={() => setOpen(true)}>
        {p.label}
      </Button>
    );
  }
  return (
    <form action={p.action} className="space-y-2 rounded-control border border-accent-400/50 bg-accent-100/60 p-3">
      <input type="hidden" name="endpointId" value={p.endpointId} />
      <p className="text-sm text-ink">{p.question}</p>
      <div className="flex gap-2">
        <SubmitButton pendingLabel={p.pending} className="h-9 bg-accent-700 px-3 hover:bg-accent-700/90">
          {t("confirm")}
        </SubmitButton>
        <Button variant="ghost" className="h-9 px-3" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

