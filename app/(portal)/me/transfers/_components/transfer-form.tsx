"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldNotes } from "@/components/forms/field-notes";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { convertPoints, rateAsDecimal, type ExchangeRate } from "@/lib/domain/coalition/exchange-rate";
import { formatPoints } from "@/lib/format";
import { transferPointsAction } from "../actions";

type Option = { programId: string; name: string; pointName: string; rate: ExchangeRate; linked: boolean };
type Props = { options: Option[]; available: number; pointName: string; numberLocale: string };

/**
 * Where and how many: the preview applies the same rounding as the ledger
 * (down), so what it promises is what arrives. A fresh key per success keeps
 * double submits to one transfer without blocking the next one.
 */
export function TransferForm({ options, available, pointName, numberLocale }: Props) {
  const t = useTranslations("Transfers");
  const [state, action] = useActionState(transferPointsAction, emptyFormState);
  const linked = options.filter((o) => o.linked);
  const [target, setTarget] = useState(state.values?.toProgramId ?? linked[0]?.programId ?? "");
  const [points, setPoints] = useState(state.values?.points ?? "");
  const [key, setKey] = useState(() => crypto.randomUUID());
  // After a success the next transfer is a new request: a new key and an empty amount (adjusted while rendering, not in an effect).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.message?.tone === "success") {
      setKey(crypto.randomUUID());
      setPoints("");
    }
  }
  const option = options.find((o) => o.programId === target);
  const amount = /^\d+$/.test(points) ? Number(points) : 0;
  const credited = option && amount > 0 ? convertPoints(amount, option.rate) : null;
  const id = "field-points";
  return (
    <form action={action} className="space-y-4" noValidate data-testid="transfer-form">
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="numberLocale" value={numberLocale} />
      {options.map((o) => (
        <input key={o.programId} type="hidden" name={`name:${o.programId}`} value={o.name} />
      ))}
      <fieldset>
        <legend className="text-sm font-medium text-ink">{t("to")}</legend>
        <div className="mt-2 space-y-2">
          {options.map((o) => (
            <label key={o.programId} className={`flex min-h-14 items-center gap-3 rounded-control border px-3 py-2.5 ${o.linked ? "cursor-pointer border-line has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50" : "border-dashed border-line-strong opacity-80"}`}>
              <input type="radio" name="toProgramId" value={o.programId} checked={target === o.programId} disabled={!o.linked} onChange={() => setTarget(o.programId)} className="size-4 accent-brand-600" />
              <span className="min-w-0 flex-1 text-sm">
                <span className="block font-medium text-ink">{o.name}</span>
                <span className="block text-ink-muted">
                  {o.linked ? t("pointsHint", { source: pointName, rate: rateAsDecimal(o.rate).toLocaleString(numberLocale), target: o.pointName }) : t("notLinked", { program: o.name })}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {linked.length ? (
        <>
          <div>
            <label htmlFor={id} className="block text-sm font-medium text-ink">{t("points")}</label>
            <input
              id={id}
              name="points"
              inputMode="numeric"
              autoComplete="off"
              value={points}
              onChange={(e) => setPoints(e.target.value.replace(/\D/g, ""))}
              aria-invalid={state.fieldErrors?.points ? true : undefined}
              aria-describedby={describedBy(id, undefined, state.fieldErrors?.points)}
              className="mt-1.5 block h-14 w-full rounded-control border border-line-strong bg-surface px-3.5 text-lg text-ink tabular-nums focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
              placeholder={formatPoints(Math.min(available, 100), numberLocale)}
            />
            <FieldNotes id={id} error={state.fieldErrors?.points} testId="points" />
          </div>
          <p className="min-h-5 text-sm text-ink-muted" aria-live="polite" data-testid="transfer-preview">
            {credited === null || !option ? null : credited > 0 ? t("preview", { points: `${formatPoints(credited, numberLocale)} ${option.pointName}`, program: option.name }) : t("previewZero", { program: option.name })}
          </p>
          <FormMessage message={state.message} id="transfer-message" />
          <SubmitButton size="lg" className="w-full" pendingLabel={t("pending")}>
            {t("submit")}
          </SubmitButton>
        </>
      ) : null}
    </form>
  );
}
