"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { inviteBuyerAction } from "../actions";
import { RoleFields } from "./role-fields";

/** Invite a buyer by email, with a permission and a monthly limit; a success clears the form for the next one. */
export function InviteForm({ pointName }: { pointName: string }) {
  const t = useTranslations("MyAccount");
  const [state, action] = useActionState(inviteBuyerAction, emptyFormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  // A new key after each success remounts the fields empty.
  const formKey = state.message?.tone === "success" ? state.message.text : "form";
  return (
    <form key={formKey} action={action} className="space-y-4" data-testid="invite-form" aria-describedby="invite-message">
      <TextField name="email" type="email" autoComplete="off" required label={t("emailLabel")} defaultValue={values.email} error={errors.email} />
      <TextField name="name" label={t("nameLabel")} labelNote={t("nameOptional")} defaultValue={values.name} error={errors.name} />
      <RoleFields idPrefix="invite" role={values.role || "redeem"} limit={values.monthlyRedemptionLimit ?? ""} pointName={pointName} errors={errors} />
      <FormMessage id="invite-message" message={state.message} />
      <SubmitButton pendingLabel={t("inviting")} className="w-full sm:w-auto">{t("invite")}</SubmitButton>
    </form>
  );
}
