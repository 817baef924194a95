"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { removeRuleAction } from "../actions";

export function RemoveRuleButton({ ruleId, name }: { ruleId: string; name: string }) {
  const t = useTranslations("PlanEditor.rules");
  const [state, action] = useActionState(removeRuleAction, {} as FormState);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="section" value="remove-rule" />
      <input type="hidden" name="ruleId" value={ruleId} />
      <SubmitButton variant="ghost" pendingLabel={t("removing")}>
        <span aria-label={t("removeNamed", { name })}>{t("remove")}</span>
      </SubmitButton>
      {state.message?.tone === "error" ? <span className="text-xs text-accent-700">{state.message.text}</span> : null}
    </form>
  );
}
