"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { runCampaignNowAction, setCampaignStatusAction, testSendCampaignAction } from "../actions";

type Status = "draft" | "scheduled" | "running" | "paused" | "ended";

/** Activate / pause / end, and "run now" for trigger and grant campaigns. */
export function StatusControls({ campaignId, status, runnable }: { campaignId: string; status: Status; runnable: boolean }) {
  const t = useTranslations("Campaigns");
  const [state, action] = useActionState(setCampaignStatusAction, emptyFormState);
  const [ran, run] = useActionState(runCampaignNowAction, emptyFormState);
  const next: { status: "running" | "paused" | "ended"; label: string; variant: "primary" | "secondary" }[] = [];
  if (status === "draft" || status === "paused" || status === "scheduled") next.push({ status: "running", label: t("actions.activate"), variant: "primary" });
  if (status === "running") next.push({ status: "paused", label: t("actions.pause"), variant: "secondary" });
  if (status !== "ended") next.push({ status: "ended", label: t("actions.end"), variant: "secondary" });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {next.map((n) => (
          <form key={n.status} action={action}>
            <input type="hidden" name="campaignId" value={campaignId} />
            <input type="hidden" name="status" value={n.status} />
            <SubmitButton variant={n.variant} pendingLabel={t("actions.working")}>
              {n.label}
            </SubmitButton>
          </form>
        ))}
        {runnable && status === "running" ? (
          <form action={run}>
            <input type="hidden" name="campaignId" value={campaignId} />
            <SubmitButton variant="secondary" pendingLabel={t("actions.working")}>
              {t("actions.runNow")}
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <FormMessage id="status-message" message={state.message} />
      <FormMessage id="run-message" message={ran.message} />
    </div>
  );
}

/** Sends the message with sample values to one address, through the outbox. */
export function TestSendForm({ campaignId }: { campaignId: string }) {
  const t = useTranslations("Campaigns");
  const [state, action] = useActionState(testSendCampaignAction, emptyFormState);
  return (
    <form action={action} className="space-y-3" data-testid="test-send-form">
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <TextField name="to" type="email" label={t("testTo")} defaultValue={state.values?.to} error={state.fieldErrors?.to} />
        <div>
          <label htmlFor="field-locale" className="block text-sm font-medium text-ink">{t("testLocale")}</label>
          <select id="field-locale" name="locale" defaultValue={state.values?.locale ?? "es"} className="mt-1.5 block h-11 rounded-control border border-line-strong bg-surface px-3 text-sm text-ink">
            <option value="es">{t("languageEs")}</option>
            <option value="en">{t("languageEn")}</option>
          </select>
        </div>
      </div>
      <SubmitButton variant="secondary" pendingLabel={t("sending")}>
        {t("send")}
      </SubmitButton>
      <FormMessage id="test-send-message" message={state.message} />
    </form>
  );
}
