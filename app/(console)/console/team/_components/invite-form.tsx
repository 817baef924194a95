"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { inviteTeamMemberAction } from "../actions";
import { AccessFields } from "./access-fields";

export function InviteForm({ stores }: { stores: { id: string; name: string; code: string }[] }) {
  const t = useTranslations("Team");
  const [state, action] = useActionState(inviteTeamMemberAction, emptyFormState);
  const failed = state.message?.tone === "error";
  return (
    // A successful invite remounts the fields (key), so the form starts empty for the next person.
    <form action={action} noValidate className="space-y-4" aria-describedby="invite-message" data-testid="invite-form">
      <FormMessage id="invite-message" message={state.message} />
      <div key={failed ? "retry" : (state.message?.text ?? "new")} className="space-y-4">
        <TextField name="email" type="email" label={t("fields.email")} autoComplete="off" required defaultValue={failed ? state.values?.email : ""} error={state.fieldErrors?.email} />
        <TextField name="name" label={t("fields.name")} labelNote={t("optional")} autoComplete="off" defaultValue={failed ? state.values?.name : ""} error={state.fieldErrors?.name} />
        <AccessFields
          idPrefix="invite"
          stores={stores}
          defaultRole={failed ? state.values?.role || "marketer" : "marketer"}
          defaultStoreIds={failed ? (state.values?.storeIds ?? "").split(",").filter(Boolean) : []}
          defaultMayAdjust={failed && state.values?.mayAdjustPoints === "1"}
          errors={state.fieldErrors}
        />
      </div>
      <SubmitButton pendingLabel={t("invite.sending")} className="w-full">
        {t("invite.submit")}
      </SubmitButton>
    </form>
  );
}
