"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "../actions";

/** Revoking breaks the integration using the key at once: ask first. */
export function RevokeKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const t = useTranslations("ApiKeys.revoke");
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState(revokeApiKeyAction, emptyFormState);
  if (!confirming) {
    return (
      <Button variant="ghost" className="h-9 px-3 text-accent-700 hover:text-accent-700" onClick={() => setConfirming(true)}>
        {t("open")}
      </Button>
    );
  }
  return (
    <form action={action} className="w-full space-y-2 rounded-control border border-accent-400/50 bg-accent-100/60 p-3 sm:w-72">
      <FormMessage id={`revoke-${keyId}`} message={state.message} />
      <input type="hidden" name="keyId" value={keyId} />
      <p className="text-sm text-ink">{t("confirmText", { name })}</p>
      <div className="flex gap-2">
        <SubmitButton pendingLabel={t("revoking")} className="h-9 bg-accent-700 px-3 hover:bg-accent-700/90">
          {t("confirm")}
        </SubmitButton>
        <Button variant="ghost" className="h-9 px-3" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
