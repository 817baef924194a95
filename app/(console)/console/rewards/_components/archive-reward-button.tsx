"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { archiveRewardAction } from "../actions";

export function ArchiveRewardButton({ rewardId }: { rewardId: string }) {
  const t = useTranslations("RewardForm");
  const [state, action] = useActionState(archiveRewardAction, {} as FormState);
  return (
    <form action={action} className="space-y-3" data-testid="archive-reward-form">
      <input type="hidden" name="rewardId" value={rewardId} />
      <FormMessage id="archive-message" message={state.message} />
      <p className="text-xs text-ink-muted">{t("archiveHint")}</p>
      <SubmitButton pendingLabel={t("archiving")} variant="secondary" className="w-full">
        {t("archive")}
      </SubmitButton>
    </form>
  );
}
