"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input, Select } from "../../_components/fields";
import { startSimulationAction } from "../actions";

type Props = {
  candidates: { value: string; label: string }[];
  defaultWindow: { from: string; to: string };
};

/** Version and window; the action queues the run and opens its page, where the progress bar takes over. */
export function StartSimulationForm({ candidates, defaultWindow }: Props) {
  const t = useTranslations("PlanSimulation.start");
  const [state, action] = useActionState(startSimulationAction, {} as FormState);
  return (
    <form action={action} noValidate className="space-y-4" data-testid="simulation-form" aria-describedby="simulation-form-message">
      <FormMessage id="simulation-form-message" message={state.message} />
      <Select name="versionId" label={t("version")} state={state} saved={candidates[0]?.value} options={candidates} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input name="from" type="date" label={t("from")} state={state} saved={defaultWindow.from} />
        <Input name="to" type="date" label={t("to")} state={state} saved={defaultWindow.to} />
      </div>
      <p className="text-xs text-ink-subtle">{t("windowHint")}</p>
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
