"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { BadgeIconView } from "@/components/gamification/badge-icon";
import { Card } from "@/components/ui/card";
import { BADGE_ICONS } from "@/lib/domain/gamification/badges";
import { CHALLENGE_KINDS, PROFILE_FIELDS } from "@/lib/domain/gamification/challenge";
import { localizedText, type LocalizedText } from "@/lib/localized-text";
import { saveChallengeAction } from "../actions";

type Props = {
  challengeId?: string;
  initial: Record<string, string>;
  rewards: { id: string; name: LocalizedText; status: string }[];
  currency: string;
  timeZone: string;
};

const inputClass = "mt-1.5 block w-full rounded-control border border-line-strong bg-surface px-3.5 py-2 text-base text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none sm:text-sm";

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`field-${name}-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid={`error-${name}`}>
      {error}
    </p>
  ) : null;
}

/** New or edit: names in both languages, the goal of the chosen kind, dates, badge (icon picker) and reward. */
export function ChallengeForm({ challengeId, initial, rewards, currency, timeZone }: Props) {
  const t = useTranslations("Challenges");
  const locale = useLocale();
  const [state, action] = useActionState(saveChallengeAction, emptyFormState);
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const [kind, setKind] = useState(v.kind || "purchases");
  const [icon, setIcon] = useState(v.badgeIcon || "trophy");
  const fields = new Set((v.fields ?? "").split(",").filter(Boolean));
  const counted = kind === "purchases" || kind === "stores";
  const filtered = kind === "purchases" || kind === "streak";

  return (
    <form action={action} className="space-y-6" data-testid="challenge-form" noValidate>
      {challengeId ? <input type="hidden" name="challengeId" value={challengeId} /> : null}
      <FormMessage message={state.message} />
      <Card className="space-y-5 p-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="name.es" label={t("fields.nameEs")} defaultValue={v["name.es"]} error={errors["name.es"]} maxLength={80} />
          <TextField name="name.en" label={t("fields.nameEn")} defaultValue={v["name.en"]} error={errors["name.en"]} maxLength={80} />
          <TextField name="description.es" label={t("fields.descriptionEs")} labelNote={t("fields.optional")} defaultValue={v["description.es"]} error={errors["description.es"]} maxLength={400} />
          <TextField name="description.en" label={t("fields.descriptionEn")} labelNote={t("fields.optional")} defaultValue={v["description.en"]} error={errors["description.en"]} maxLength={400} />
        </div>
      </Card>
      <Card className="space-y-5 p-5">
        <h2 className="text-base font-semibold text-ink">{t("fields.goalSection")}</h2>
        <div className="grid gap-5 sm:grid-cols-3">
          <div>
            <label htmlFor="field-kind" className="block text-sm font-medium text-ink">{t("fields.kind")}</label>
            <select id="field-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass} aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? "field-kind-error" : undefined}>
              {CHALLENGE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
            <FieldError name="kind" error={errors.kind} />
          </div>
          {counted ? <TextField name="count" label={t(kind === "stores" ? "fields.countStores" : "fields.count")} inputMode="numeric" defaultValue={v.count} error={errors.count} /> : null}
          {counted ? <TextField name="windowDays" label={t("fields.windowDays")} labelNote={t("fields.optional")} hint={t("fields.windowDaysHint")} inputMode="numeric" defaultValue={v.windowDays} error={errors.windowDays} /> : null}
          {kind === "streak" ? <TextField name="weeks" label={t("fields.weeks")} hint={t("fields.weeksHint")} inputMode="numeric" defaultValue={v.weeks} error={errors.weeks} /> : null}
        </div>
        {filtered ? (
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField name="category" label={t("fields.category")} labelNote={t("fields.optional")} hint={t("fields.categoryHint")} defaultValue={v.category} error={errors.category} />
            <TextField name="minAmount" label={t("fields.minAmount", { currency })} labelNote={t("fields.optional")} inputMode="decimal" defaultValue={v.minAmount} error={errors.minAmount} />
          </div>
        ) : null}
        {kind === "profile" ? (
          <fieldset aria-describedby={errors.fields ? "field-fields-error" : undefined}>
            <legend className="text-sm font-medium text-ink">{t("fields.profileFields")}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {PROFILE_FIELDS.map((f) => (
                <label key={f} className="flex items-center gap-2 text-sm text-ink">
                  <input type="checkbox" name="fields" value={f} defaultChecked={fields.has(f)} className="size-4 accent-brand-600" />
                  {t(`profileFields.${f}`)}
                </label>
              ))}
            </div>
            <FieldError name="fields" error={errors.fields} />
          </fieldset>
        ) : null}
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="startsAt" type="datetime-local" label={t("fields.startsAt")} hint={t("fields.datesHint", { timeZone })} defaultValue={v.startsAt} error={errors.startsAt} />
          <TextField name="endsAt" type="datetime-local" label={t("fields.endsAt")} labelNote={t("fields.optional")} defaultValue={v.endsAt} error={errors.endsAt} />
        </div>
      </Card>
      <Card className="space-y-5 p-5">
        <h2 className="text-base font-semibold text-ink">{t("fields.rewardSection")}</h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="badgeName.es" label={t("fields.badgeNameEs")} defaultValue={v["badgeName.es"]} error={errors["badgeName.es"]} maxLength={60} />
          <TextField name="badgeName.en" label={t("fields.badgeNameEn")} defaultValue={v["badgeName.en"]} error={errors["badgeName.en"]} maxLength={60} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-ink">{t("fields.badgeIcon")}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {BADGE_ICONS.map((name) => (
              <label key={name} className={`flex cursor-pointer flex-col items-center gap-1 rounded-control border p-2 text-xs ${icon === name ? "border-brand-500 bg-brand-50 text-brand-700" : "border-line text-ink-muted hover:border-line-strong"}`}>
                <input type="radio" name="badgeIcon" value={name} checked={icon === name} onChange={() => setIcon(name)} className="sr-only" />
                <BadgeIconView icon={name} size="sm" earned={icon === name} />
                {t(`icons.${name}`)}
              </label>
            ))}
          </div>
          <FieldError name="badgeIcon" error={errors.badgeIcon} />
        </fieldset>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="rewardPoints" label={t("fields.rewardPoints")} hint={t("fields.rewardPointsHint")} inputMode="numeric" defaultValue={v.rewardPoints || "0"} error={errors.rewardPoints} />
          <div>
            <label htmlFor="field-rewardId" className="block text-sm font-medium text-ink">
              {t("fields.reward")} <span className="font-normal text-ink-subtle">({t("fields.optional")})</span>
            </label>
            <select id="field-rewardId" name="rewardId" defaultValue={v.rewardId ?? ""} className={inputClass} aria-invalid={errors.rewardId ? true : undefined}>
              <option value="">{t("fields.rewardNone")}</option>
              {rewards.map((r) => (
                <option key={r.id} value={r.id}>
                  {localizedText(r.name, locale)}
                  {r.status === "draft" ? ` · ${t("fields.rewardDraft")}` : ""}
                </option>
              ))}
            </select>
            <FieldError name="rewardId" error={errors.rewardId} />
          </div>
        </div>
        <p className="text-xs text-ink-subtle">{t("refundNote")}</p>
      </Card>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
