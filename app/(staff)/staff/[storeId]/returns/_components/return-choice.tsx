"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { ReturnablePurchase } from "@/lib/services/desk/find-purchase-for-return";
import { DeskField } from "../../_components/sales/desk-field";

export type ReturnMode = "rest" | "amount" | "lines";

type ReturnChoiceProps = {
  purchase: ReturnablePurchase;
  mode: ReturnMode;
  setMode: (mode: ReturnMode) => void;
  amount: string;
  setAmount: (value: string) => void;
  quantities: Record<number, string>;
  setQuantities: (value: Record<number, string>) => void;
  reason: string;
  setReason: (value: string) => void;
  errors: Record<string, string>;
  money: (minor: number) => string;
  points: (n: number) => string;
  date: (iso: string) => string;
};

/** The found purchase and what comes back: everything left, an amount, or units per line. */
export function ReturnChoice(p: ReturnChoiceProps) {
  const t = useTranslations("DeskReturn");
  const { purchase } = p;
  const left = purchase.amountMinor - purchase.refundedMinor;
  const modes: ReturnMode[] = purchase.lines.some((l) => l.sku) ? ["lines", "amount", "rest"] : ["amount", "rest"];
  return (
    <div className="space-y-5">
      <section className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="return-purchase">
        <h2 className="text-xl font-semibold text-ink">{t("purchaseTitle", { order: purchase.orderId })}</h2>
        <p className="mt-1 text-sm text-ink-muted">
          {t("madeAt", { date: p.date(purchase.occurredAt), store: purchase.store?.name ?? t("online") })} · {purchase.member?.name ?? t("nonMember")}
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            [t("amount"), p.money(purchase.amountMinor)],
            [t("refunded"), p.money(purchase.refundedMinor)],
            [t("earned"), p.points(purchase.pointsEarned)],
            [t("reversed"), p.points(purchase.pointsReversed)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-control bg-surface-muted px-3 py-2">
              <dt className="text-xs text-ink-subtle">{label}</dt>
              <dd className="text-lg font-semibold text-ink tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {left <= 0 ? <p className="mt-4 rounded-control bg-accent-100 px-4 py-3 text-sm text-accent-700" data-testid="fully-refunded">{t("fullyRefunded")}</p> : null}
      </section>
      {left > 0 ? (
        <fieldset className="space-y-4 rounded-card border border-line bg-surface p-5 shadow-card">
          <legend className="px-1 text-sm font-semibold text-ink">{t("mode")}</legend>
          <div className="grid gap-2 sm:grid-cols-3" role="radiogroup">
            {modes.map((mode) => (
              <label
                key={mode}
                className={clsx(
                  "flex min-h-14 cursor-pointer items-center gap-3 rounded-control border px-4 text-base",
                  p.mode === mode ? "border-brand-600 bg-brand-50 text-brand-800" : "border-line-strong text-ink hover:border-brand-300",
                )}
              >
                <input type="radio" name="mode" value={mode} checked={p.mode === mode} onChange={() => p.setMode(mode)} className="size-5 accent-brand-600" />
                {mode === "rest" ? t("modeRest", { amount: p.money(left) }) : mode === "amount" ? t("modeAmount") : t("modeLines")}
              </label>
            ))}
          </div>
          {p.mode === "amount" ? (
            <DeskField id="returnAmount" label={t("returnAmount", { currency: purchase.currency })} inputMode="decimal" autoComplete="off" autoFocus value={p.amount} onChange={(e) => p.setAmount(e.target.value)} error={p.errors.amountMinor} />
          ) : null}
          {p.mode === "lines" ? (
            <ul className="divide-y divide-line rounded-control border border-line" data-testid="return-lines">
              {purchase.lines.map((line, i) => {
                const remaining = line.quantity - line.refundedQuantity;
                return (
                  <li key={line.lineNo} className="flex flex-wrap items-center gap-3 px-4 py-3">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium text-ink">{t("lineUnits", { sku: line.sku ?? line.category ?? "—", quantity: line.quantity, price: p.money(line.unitPriceMinor) })}</p>
                      <p className="text-sm text-ink-subtle">{t("lineLeft", { count: remaining })}</p>
                      {p.errors[`lines.${i}`] ? <p className="text-sm font-medium text-accent-700">{p.errors[`lines.${i}`]}</p> : null}
                    </div>
                    <label className="sr-only" htmlFor={`return-line-${line.lineNo}`}>
                      {t("lineReturn")} {line.sku}
                    </label>
                    <input
                      id={`return-line-${line.lineNo}`}
                      inputMode="decimal"
                      placeholder="0"
                      disabled={!line.sku || remaining <= 0}
                      autoFocus={i === 0}
                      value={p.quantities[line.lineNo] ?? ""}
                      onChange={(e) => p.setQuantities({ ...p.quantities, [line.lineNo]: e.target.value })}
                      className="h-14 w-28 rounded-control border border-line-strong bg-surface px-3 text-right text-lg text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none disabled:bg-surface-muted"
                      data-testid="return-line-quantity"
                    />
                  </li>
                );
              })}
            </ul>
          ) : null}
          {p.errors.lines ? <p className="text-sm font-medium text-accent-700">{p.errors.lines}</p> : null}
          <DeskField id="reason" label={t("reason")} hint={t("reasonHint")} autoComplete="off" maxLength={500} value={p.reason} onChange={(e) => p.setReason(e.target.value)} error={p.errors.reason} />
        </fieldset>
      ) : null}
    </div>
  );
}
