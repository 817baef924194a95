"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteSegmentAction } from "../actions";

/** Deletes the segment after a confirmation (rules and rewards naming it stop matching anyone). */
export function DeleteSegmentButton({ segmentId }: { segmentId: string }) {
  const t = useTranslations("Segments");
  const [state, action] = useActionState(deleteSegmentAction, {} as FormState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("deleteConfirm"))) e.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="segmentId" value={segmentId} />
      <FormMessage id="delete-segment-message" message={state.message} />
      <SubmitButton variant="secondary" pendingLabel={t("delete")} className="border-accent-400/60 !text-accent-700 hover:bg-accent-100">
        {t("delete")}
      </SubmitButton>
    </form>
  );
}
