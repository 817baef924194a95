"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { refreshSegmentsAction } from "../actions";

/** Recomputes one segment (or `all`) now instead of waiting for the hourly job. */
export function RefreshSegmentsButton({ segmentId, label }: { segmentId: string; label: string }) {
  const t = useTranslations("Segments");
  const [state, action] = useActionState(refreshSegmentsAction, {} as FormState);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="segmentId" value={segmentId} />
      <SubmitButton variant="secondary" pendingLabel={t("refreshing")}>
        {label}
      </SubmitButton>
      <FormMessage id={`refresh-${segmentId}`} message={state.message} />
    </form>
  );
}
