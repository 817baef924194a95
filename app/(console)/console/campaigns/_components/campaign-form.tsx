"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Card } from "@/components/ui/card";
import { CAMPAIGN_CHANNELS, TRIGGER_TYPES } from "@/lib/domain/campaigns/definition";
import { renderTemplate } from "@/lib/domain/campaigns/render";
import { formatMoney } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { RewardOption } from "@/lib/services/campaigns/read-campaigns";
import { saveCampaignAction } from "../actions";

export type CampaignFormValues = Record<string, string>;

type Props = {
  campaignId?: string;
  initial: CampaignFormValues;
  segments: { id: string; name: string; memberCount: number | null }[];
  rewards: RewardOption[];
  currency: string;
  timeZone: string;
  programName: string;
};

/** What a test send and the preview show where a real offer shows the member's coupon. */
const SAMPLE_CODE = "LZ-7KQ4M-9XPAB";

const KINDS = ["trigger", "bonus", "grant", "offer"] as const;
const NEEDS_VALUE = new Set(["nth_purchase", "points_milestone", "inactivity", "points_expiring"]);
const inputClass = "mt-1.5 block w-full rounded-control border border-line-strong bg-surface px-3.5 py-2 text-base text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none sm:text-sm";

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`field-${name}-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid={`error-${name}`}>
      {error}
    </p>
  ) : null;
}

/** New or edit: kind, trigger, audience, dates, caps, channels, templates in both languages with a live preview. */
export function CampaignForm({ campaignId, initial, segments, rewards, currency, timeZone, programName }: Props) {
  const t = useTranslations("Campaigns");
  const locale = useLocale();
  const [state, action] = useActionState(saveCampaignAction, emptyFormState);
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const [kind, setKind] = useState(v.kind || "trigger");
  const [triggerType, setTriggerType] = useState(v.triggerType || "birthday");
  const [tpl, setTpl] = useState({ esSubject: v["es.subject"] ?? "", esBody: v["es.body"] ?? "", enSubject: v["en.subject"] ?? "", enBody: v["en.body"] ?? "" });
  const [points, setPoints] = useState(v.points ?? "");
  const [rewardId, setRewardId] = useState(v.rewardId ?? "");
  const reward = rewards.find((r) => r.id === rewardId) ?? null;
  const channels = new Set((v.channels ?? "").split(",").filter(Boolean));
  const offer = kind === "offer";
  // Each language's preview names the reward in that language, as the member will read it.
  const sample = (lang: "es" | "en") => ({ name: t("previewName"), points: Number(points) || 100, program: programName, reward: reward ? localizedText(reward.name, lang) : offer ? t("previewReward") : null, code: offer ? SAMPLE_CODE : null });
  const es = renderTemplate({ subject: tpl.esSubject, body: tpl.esBody }, sample("es"));
  const en = renderTemplate({ subject: tpl.enSubject, body: tpl.enBody }, sample("en"));
  const select = (name: string, value: string, onChange: ((v: string) => void) | null, options: { value: string; label: string }[]) => (
    <select id={`field-${name}`} name={name} defaultValue={onChange ? undefined : value} value={onChange ? value : undefined} onChange={onChange ? (e) => onChange(e.target.value) : undefined} className={inputClass} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `field-${name}-error` : undefined}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <form action={action} className="space-y-6" data-testid="campaign-form" noValidate>
      {campaignId ? <input type="hidden" name="campaignId" value={campaignId} /> : null}
      <FormMessage message={state.message} />
      <Card className="space-y-5 p-5">
        <TextField name="name" label={t("fields.name")} defaultValue={v.name} error={errors.name} required maxLength={120} />
        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor="field-kind" className="block text-sm font-medium text-ink">{t("fields.kind")}</label>
            {select("kind", kind, setKind, KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })))}
          </div>
          <div>
            <label htmlFor="field-segmentId" className="block text-sm font-medium text-ink">{t("fields.segment")}</label>
            {select("segmentId", v.segmentId ?? "", null, [{ value: "", label: t("anyone") }, ...segments.map((s) => ({ value: s.id, label: s.memberCount === null ? s.name : `${s.name} (${s.memberCount})` }))])}
            <p className="mt-1.5 text-xs text-ink-subtle">{t("fields.segmentHint")}</p>
            <FieldError name="segmentId" error={errors.segmentId} />
          </div>
        </div>
        {kind === "trigger" ? (
          <div className="grid gap-5 sm:grid-cols-2">
            <div>
              <label htmlFor="field-triggerType" className="block text-sm font-medium text-ink">{t("fields.trigger")}</label>
              {select("triggerType", triggerType, setTriggerType, TRIGGER_TYPES.map((k) => ({ value: k, label: t(`triggers.${k}`) })))}
              <FieldError name="triggerType" error={errors.triggerType} />
            </div>
            {NEEDS_VALUE.has(triggerType) ? <TextField name="triggerValue" label={t("fields.triggerValue")} hint={t("fields.triggerValueHint")} inputMode="numeric" defaultValue={v.triggerValue} error={errors.triggerValue} /> : null}
          </div>
        ) : null}
        <div className="grid gap-5 sm:grid-cols-3">
          {kind === "trigger" || kind === "grant" ? <TextField name="points" label={t("fields.points")} inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} error={errors.points} /> : null}
          {kind === "bonus" ? <TextField name="multiplier" label={t("fields.multiplier")} hint={t("fields.multiplierHint")} inputMode="decimal" defaultValue={v.multiplier || "2"} error={errors.multiplier} /> : null}
          {offer ? (
            <div className="sm:col-span-2">
              <label htmlFor="field-rewardId" className="block text-sm font-medium text-ink">{t("fields.reward")}</label>
              {select("rewardId", rewardId, setRewardId, [{ value: "", label: t("fields.rewardPick") }, ...rewards.map((r) => ({ value: r.id, label: `${localizedText(r.name, locale)}${r.status === "draft" ? ` · ${t("fields.rewardDraft")}` : ""}` }))])}
              <p className="mt-1.5 text-xs text-ink-subtle" data-testid="offer-value">
                {reward ? (reward.costMinor === null ? t("fields.rewardNoValue") : t("fields.rewardValue", { value: formatMoney(reward.costMinor, currency, locale) })) : t("fields.rewardHint")}
              </p>
              <FieldError name="rewardId" error={errors.rewardId} />
            </div>
          ) : null}
          <TextField name="controlSharePct" label={t("fields.controlShare")} hint={t("fields.controlShareHint")} inputMode="numeric" defaultValue={v.controlSharePct || "0"} error={errors.controlSharePct} />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="startsAt" type="datetime-local" label={t("fields.startsAt")} labelNote={kind === "bonus" ? undefined : t("fields.optional")} hint={t("fields.datesHint", { timeZone })} defaultValue={v.startsAt} error={errors.startsAt} />
          <TextField name="endsAt" type="datetime-local" label={t("fields.endsAt")} labelNote={kind === "bonus" ? undefined : t("fields.optional")} defaultValue={v.endsAt} error={errors.endsAt} />
        </div>
        <div className="grid gap-5 sm:grid-cols-3">
          {offer ? (
            <TextField name="budgetCount" label={t("fields.budgetCount")} labelNote={t("fields.optional")} hint={t("fields.budgetHint")} inputMode="numeric" defaultValue={v.budgetCount} error={errors.budgetCount} />
          ) : (
            <TextField name="budgetPoints" label={t("fields.budgetPoints")} labelNote={t("fields.optional")} hint={t("fields.budgetHint")} inputMode="numeric" defaultValue={v.budgetPoints} error={errors.budgetPoints} />
          )}
          <TextField name="budgetMoney" label={t("fields.budgetMoney")} labelNote={t("fields.optional")} hint={offer ? t("fields.budgetMoneyOfferHint") : undefined} inputMode="decimal" defaultValue={v.budgetMoney} error={errors.budgetMoneyMinor} />
          <TextField name="frequencyCap" label={t("fields.frequencyCap")} labelNote={t("fields.optional")} inputMode="numeric" defaultValue={v.frequencyCap} error={errors.frequencyCap} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-ink">{t("fields.channels")}</legend>
          <p className="mt-0.5 text-xs text-ink-subtle">{t(offer ? "fields.channelsOfferHint" : "fields.channelsHint")}</p>
          <div className="mt-2 flex flex-wrap gap-4">
            {CAMPAIGN_CHANNELS.map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm text-ink">
                <input type="checkbox" name="channels" value={c} defaultChecked={channels.has(c)} className="size-4 accent-brand-600" />
                {t(`channels.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold text-ink">{t("fields.templates")}</h2>
        <p className="mt-0.5 text-xs text-ink-subtle">{t(offer ? "fields.templatesOfferHint" : "fields.templatesHint")}</p>
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          {(["es", "en"] as const).map((lang) => {
            const subjectKey = lang === "es" ? "esSubject" : "enSubject";
            const bodyKey = lang === "es" ? "esBody" : "enBody";
            const preview = lang === "es" ? es : en;
            return (
              <div key={lang} className="space-y-3">
                <TextField name={`${lang}.subject`} label={t(lang === "es" ? "fields.subjectEs" : "fields.subjectEn")} value={tpl[subjectKey]} onChange={(e) => setTpl({ ...tpl, [subjectKey]: e.target.value })} error={errors[`${lang}.subject`]} />
                <div>
                  <label htmlFor={`field-${lang}.body`} className="block text-sm font-medium text-ink">{t(lang === "es" ? "fields.bodyEs" : "fields.bodyEn")}</label>
                  <textarea id={`field-${lang}.body`} name={`${lang}.body`} rows={4} value={tpl[bodyKey]} onChange={(e) => setTpl({ ...tpl, [bodyKey]: e.target.value })} className={inputClass} aria-invalid={errors[`${lang}.body`] ? true : undefined} />
                  <FieldError name={`${lang}.body`} error={errors[`${lang}.body`]} />
                </div>
                <div className="rounded-control border border-line bg-surface-muted p-3" data-testid={`preview-${lang}`}>
                  <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{t("preview")}</p>
                  <p className="mt-1 font-semibold text-ink">{preview.subject || "—"}</p>
                  <p className="mt-1 text-sm whitespace-pre-line text-ink-muted">{preview.body || "—"}</p>
                </div>
              </div>
            );
          })}
        </div>
      </Card>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
