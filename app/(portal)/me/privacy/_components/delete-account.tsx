"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { deleteAccountAction } from "../actions";

/** Account deletion in two steps: ask, then confirm with a ticked box. */
export function DeleteAccount() {
  const t = useTranslations("MyPrivacy.delete");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(deleteAccountAction, emptyFormState);
  if (!open) {
    return (
      <Button variant="secondary" className="border-accent-400/60 text-accent-700" onClick={() => setOpen(true)} data-testid="delete-start">
        {t("start")}
      </Button>
    );
  }
  const error = state.fieldErrors?.confirm;
  return (
    <form action={action} className="space-y-4 rounded-control border border-accent-400/60 bg-accent-100/40 p-4" data-testid="delete-form">
      <h3 className="font-semibold text-ink">{t("confirmTitle")}</h3>
      <label className="flex items-start gap-3 text-sm text-ink">
        <input type="checkbox" name="confirm" value="yes" className="mt-0.5 size-5 accent-accent-700" aria-describedby={error ? "confirm-error" : undefined} data-testid="delete-confirm" />
        <span>{t("confirm")}</span>
      </label>
      {error ? <p id="confirm-error" className="text-sm text-accent-700">{error}</p> : null}
      <FormMessage id="delete-message" message={state.fieldErrors?.confirm ? undefined : state.message} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={t("deleting")} className="bg-accent-700! hover:opacity-90">
          {t("submit")}
        </SubmitButton>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
