"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { voidCouponAction } from "../actions";

/** Void with a reason, folded away until asked for: the points go back to the member. */
export function VoidCouponForm({ couponId }: { couponId: string }) {
  const t = useTranslations("Coupons");
  const [state, action] = useActionState(voidCouponAction, {} as FormState);
  const id = `void-${couponId}`;
  return (
    <details className="mt-2" open={Boolean(state.message)}>
      <summary className="cursor-pointer text-xs font-medium text-accent-700">{t("void")}</summary>
      <form action={action} noValidate className="mt-2 w-64 space-y-2" data-testid="void-coupon-form">
        <input type="hidden" name="couponId" value={couponId} />
        <FormMessage id={`${id}-message`} message={state.message} />
        <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-ink">
          {t("voidReason")}
        </label>
        <input
          id={`${id}-reason`}
          name="reason"
          defaultValue={state.values?.reason}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          aria-describedby={state.fieldErrors?.reason ? `${id}-error` : undefined}
          className="block h-9 w-full rounded-control border border-line-strong bg-surface px-2.5 text-sm text-ink"
        />
        {state.fieldErrors?.reason ? (
          <p id={`${id}-error`} className="text-xs font-medium text-accent-700">
            {state.fieldErrors.reason}
          </p>
        ) : null}
        <SubmitButton pendingLabel={t("voiding")} variant="secondary" size="md" className="w-full">
          {t("voidSubmit")}
        </SubmitButton>
      </form>
    </details>
  );
}
