"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { adjustPointsAction } from "../actions";

/** Add or remove points with a reason; a fresh key per page render makes a double submit count once. */
export function AdjustPointsForm({ memberId, idempotencyKey }: { memberId: string; idempotencyKey: string }) {
  const t = useTranslations("MemberForms.adjust");
  const [state, action] = useActionState(adjustPointsAction, emptyFormState);
  const failed = state.message?.tone === "error";
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="adjust-message" data-testid="adjust-form">
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage id="adjust-message" message={state.message} />
      <div key={failed ? "retry" : (state.message?.text ?? "new")} className="space-y-4">
        <TextField name="points" inputMode="numeric" label={t("points")} hint={t("pointsHint")} autoComplete="off" required defaultValue={failed ? state.values?.points : ""} error={state.fieldErrors?.points} />
        <TextField name="reason" label={t("reason")} hint={t("reasonHint")} autoComplete="off" required maxLength={500} defaultValue={failed ? state.values?.reason : ""} error={state.fieldErrors?.reason} />
      </div>
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
