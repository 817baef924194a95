"use client";

import { useActionState, useCallback } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { DeskField } from "../../../../_components/sales/desk-field";
import { useEscape } from "../../../../_components/sales/use-desk-keys";
import { adjustDeskPointsAction } from "../actions";

type AdjustFormProps = { storeId: string; memberId: string; idempotencyKey: string; backHref: string };

/** Points (signed) and a reason; Enter applies, Esc goes back to the member. A fresh key per render makes a double submit count once. */
export function AdjustForm({ storeId, memberId, idempotencyKey, backHref }: AdjustFormProps) {
  const t = useTranslations("DeskAdjust");
  const router = useRouter();
  const [state, action] = useActionState(adjustDeskPointsAction, emptyFormState);
  const failed = state.message?.tone === "error";
  const back = useCallback(() => router.push(backHref), [router, backHref]);
  useEscape(back);
  return (
    <form action={action} noValidate className="space-y-5 rounded-card border border-line bg-surface p-5 shadow-card sm:p-6" aria-describedby="adjust-message" data-testid="desk-adjust-form">
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage id="adjust-message" message={state.message} />
      <div key={failed ? "retry" : (state.message?.text ?? "new")} className="grid gap-5 sm:grid-cols-[12rem_1fr]">
        <DeskField id="points" name="points" label={t("points")} hint={t("pointsHint")} inputMode="numeric" autoComplete="off" autoFocus required defaultValue={failed ? state.values?.points : ""} error={state.fieldErrors?.points} />
        <DeskField id="reason" name="reason" label={t("reason")} hint={t("reasonHint")} autoComplete="off" required maxLength={500} defaultValue={failed ? state.values?.reason : ""} error={state.fieldErrors?.reason} />
      </div>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="ghost" size="lg" onClick={back}>
          {t("cancel")}
        </Button>
        <SubmitButton size="xl" pendingLabel={t("pending")} className="sm:min-w-64">
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
