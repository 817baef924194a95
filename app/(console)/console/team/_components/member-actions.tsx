"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { changeTeamMemberAction, removeTeamMemberAction } from "../actions";
import { AccessFields } from "./access-fields";

type MemberActionsProps = {
  member: { membershipId: string; email: string; role: string; storeIds: string[]; mayAdjustPoints: boolean };
  stores: { id: string; name: string; code: string }[];
};

/** Edit access (inline panel) and remove access (asks to confirm first). */
export function MemberActions({ member, stores }: MemberActionsProps) {
  const t = useTranslations("Team");
  const [mode, setMode] = useState<"idle" | "edit" | "remove">("idle");
  const [changeState, change] = useActionState(changeTeamMemberAction, emptyFormState);
  const [removeState, remove] = useActionState(removeTeamMemberAction, emptyFormState);
  const idPrefix = `m-${member.membershipId.slice(0, 8)}`;

  return (
    <div className={mode === "idle" ? "shrink-0" : "basis-full"}>
      {mode === "idle" ? (
        <div className="flex gap-2">
          <Button variant="secondary" className="h-9 px-3" onClick={() => setMode("edit")}>
            {t("edit.open")}
          </Button>
          <Button variant="ghost" className="h-9 px-3 text-accent-700 hover:text-accent-700" onClick={() => setMode("remove")}>
            {t("remove.open")}
          </Button>
        </div>
      ) : null}
      {mode === "edit" ? (
        <form action={change} noValidate className="space-y-4 rounded-control border border-line bg-surface-muted p-4" aria-label={t("edit.title", { email: member.email })}>
          <FormMessage id={`${idPrefix}-message`} message={changeState.message} />
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <AccessFields idPrefix={idPrefix} stores={stores} defaultRole={member.role} defaultStoreIds={member.storeIds} defaultMayAdjust={member.mayAdjustPoints} errors={changeState.fieldErrors} />
          <div className="flex gap-2">
            <SubmitButton pendingLabel={t("edit.saving")}>{t("edit.save")}</SubmitButton>
            <Button variant="ghost" onClick={() => setMode("idle")}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
      {mode === "remove" ? (
        <form action={remove} className="space-y-3 rounded-control border border-accent-400/50 bg-accent-100/60 p-4">
          <FormMessage id={`${idPrefix}-remove-message`} message={removeState.message} />
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <p className="text-sm text-ink">{t("remove.confirmText", { email: member.email })}</p>
          <div className="flex gap-2">
            <SubmitButton pendingLabel={t("remove.removing")} className="bg-accent-700 hover:bg-accent-700/90">
              {t("remove.confirm")}
            </SubmitButton>
            <Button variant="ghost" onClick={() => setMode("idle")}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
