"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { setChallengeStatusAction } from "../actions";

/** Activate a draft or paused challenge, pause an active one. */
export function ChallengeStatusButton({ challengeId, status }: { challengeId: string; status: "draft" | "active" | "paused" }) {
  const t = useTranslations("Challenges");
  const [state, action] = useActionState(setChallengeStatusAction, emptyFormState);
  const next = status === "active" ? "paused" : "active";
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1" data-testid={`challenge-${next === "active" ? "activate" : "pause"}`}>
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="status" value={next} />
      <SubmitButton variant={next === "active" ? "primary" : "secondary"} pendingLabel={t("working")}>
        {t(next === "active" ? "activate" : "pause")}
      </SubmitButton>
      {state.message?.tone === "error" ? <FormMessage message={state.message} /> : null}
    </form>
  );
}
