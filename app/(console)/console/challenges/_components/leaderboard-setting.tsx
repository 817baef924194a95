"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { setLeaderboardAction } from "../actions";

/** The program's opt-in leaderboard, on or off; writers get the switch, readers see the state. */
export function LeaderboardSetting({ enabled, canWrite }: { enabled: boolean; canWrite: boolean }) {
  const t = useTranslations("Challenges");
  const [state, action] = useActionState(setLeaderboardAction, emptyFormState);
  return (
    <Card className="mt-6 p-5" aria-labelledby="leaderboard-setting-title" data-testid="leaderboard-setting" data-enabled={enabled}>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 gap-3">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <Icon name="trophy" className="size-5" />
          </span>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="leaderboard-setting-title" className="text-base font-semibold text-ink">{t("leaderboard.title")}</h2>
              <Badge tone={enabled ? "brand" : "neutral"} data-testid="leaderboard-status">{t(enabled ? "leaderboard.on" : "leaderboard.off")}</Badge>
            </div>
            <p className="mt-1 max-w-3xl text-sm text-ink-muted">{t("leaderboard.description")}</p>
            <p className="mt-1 max-w-3xl text-sm text-ink-subtle">{t("leaderboard.rule")}</p>
          </div>
        </div>
        {canWrite ? (
          <form action={action} className="shrink-0">
            <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
            <SubmitButton variant={enabled ? "secondary" : "primary"} pendingLabel={t("working")}>
              {t(enabled ? "leaderboard.turnOff" : "leaderboard.turnOn")}
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <div className={state.message ? "mt-4" : undefined}>
        <FormMessage id="leaderboard-setting-message" message={state.message} />
      </div>
    </Card>
  );
}
