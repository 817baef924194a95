"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { refreshPredictionsAction } from "../actions";

/** Refits the models now instead of waiting for the nightly job. */
export function RefreshPredictionsButton({ asOf }: { asOf: string }) {
  const t = useTranslations("Predictions");
  const [state, action] = useActionState(refreshPredictionsAction, {} as FormState);
  return (
    <form action={action} className="flex flex-col items-end gap-2" data-testid="predictions-refresh">
      <input type="hidden" name="asOf" value={asOf} />
      <SubmitButton variant="secondary" pendingLabel={t("refreshing")}>
        {t("refresh")}
      </SubmitButton>
      <FormMessage id="predictions-refresh-message" message={state.message} />
    </form>
  );
}
