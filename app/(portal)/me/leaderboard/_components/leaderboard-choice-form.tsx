"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Icon } from "@/components/ui/icons";
import type { MyLeaderboardChoice } from "@/lib/services/gamification/my-leaderboard";
import { updateLeaderboardAction } from "../actions";

/**
 * Join, rename or leave, in one form: the pressed button says which
 * (`visible`). When the program has the board off, a member who joined earlier
 * can still leave, and nothing else. `collapsible`: once joined, the choices
 * fold away behind one line (the board is what they came for); the answer
 * stays outside the fold.
 */
export function LeaderboardChoiceForm({ choice, idPrefix = "leaderboard", collapsible = false }: { choice: MyLeaderboardChoice; idPrefix?: string; collapsible?: boolean }) {
  const t = useTranslations("Leaderboard");
  const [state, action] = useActionState(updateLeaderboardAction, emptyFormState);
  // Uncontrolled radios with defaults from the last answer: React resets a form after its action, and a reset puts
  // inputs back to their defaults, so these must already be what the member chose (a controlled radio would show the old one).
  const chosen = (state.values?.nameChoice as "masked" | "custom" | undefined) || (choice.displayName ? "custom" : "masked");
  const [nameChoice, setNameChoice] = useState<"masked" | "custom">(chosen);
  const messageId = `${idPrefix}-message`;

  const fields: ReactNode = (
    <>
      {choice.enabled ? (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-ink">{t("form.nameLegend")}</legend>
          {(["masked", "custom"] as const).map((value) => (
            <label key={value} className="flex min-h-11 cursor-pointer items-center gap-2.5 rounded-control border border-line-strong px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="nameChoice" value={value} defaultChecked={chosen === value} onChange={() => setNameChoice(value)} className="size-4 accent-brand-600" data-testid={`leaderboard-name-${value}`} />
              <span className="text-sm font-medium text-ink">{value === "masked" ? (choice.maskedName ? t("form.masked", { name: choice.maskedName }) : t("form.maskedNoName")) : t("form.custom")}</span>
            </label>
          ))}
          {nameChoice === "custom" ? (
            <TextField
              name="displayName"
              label={t("form.displayName")}
              hint={t("form.displayNameHint")}
              error={state.fieldErrors?.displayName}
              defaultValue={state.values?.displayName ?? choice.displayName ?? ""}
              maxLength={24}
              autoComplete="off"
              className="pt-1"
            />
          ) : null}
        </fieldset>
      ) : null}
      <p className="text-xs text-ink-muted">{t("form.privacy")}</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        {choice.enabled ? (
          <SubmitButton name="visible" value="yes" pendingLabel={t("form.saving")} size="lg" className="w-full sm:w-auto">
            {choice.joined ? t("form.save") : t("form.join")}
          </SubmitButton>
        ) : null}
        {choice.joined ? (
          <SubmitButton name="visible" value="no" variant="secondary" pendingLabel={t("form.saving")} size="lg" className="w-full sm:w-auto">
            {t("form.leave")}
          </SubmitButton>
        ) : null}
      </div>
    </>
  );

  return (
    <form action={action} className="space-y-4" data-testid="leaderboard-form" data-joined={choice.joined} aria-describedby={messageId}>
      <input type="hidden" name="joined" value={choice.joined ? "yes" : "no"} />
      <FormMessage id={messageId} message={state.message} />
      {collapsible && choice.joined ? (
        <details className="group" open={Boolean(state.fieldErrors)}>
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 text-sm font-medium text-brand-700 [&::-webkit-details-marker]:hidden" data-testid="leaderboard-manage">
            {t("me.manageTitle")}
            <Icon name="arrowRight" className="size-4 transition-transform group-open:rotate-90" />
          </summary>
          <div className="mt-3 space-y-4">{fields}</div>
        </details>
      ) : (
        fields
      )}
    </form>
  );
}
