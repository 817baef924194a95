"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { markAllReadAction } from "../actions";

/** "Mark all as read", up to the newest message on the page. */
export function MarkAllRead({ throughId }: { throughId: string }) {
  const t = useTranslations("MyInbox");
  const [state, action] = useActionState(markAllReadAction, emptyFormState);
  return (
    <form action={action} className="flex flex-col items-end gap-2" data-testid="mark-all-read">
      <input type="hidden" name="throughId" value={throughId} />
      <SubmitButton variant="secondary" className="h-9 px-3" pendingLabel={t("markingAll")}>
        {t("markAll")}
      </SubmitButton>
      <FormMessage message={state.message} />
    </form>
  );
}
