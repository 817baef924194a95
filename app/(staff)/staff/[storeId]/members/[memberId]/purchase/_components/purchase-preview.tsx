"use client";

import { clsx } from "clsx";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PurchasePreviewView } from "../actions";

type PurchasePreviewProps = { view: PurchasePreviewView; amount: string; points: (n: number) => string; pending: boolean; onConfirm: () => void; onBack: () => void };

/** The points the purchase will earn and why, before the cashier confirms (Enter) or goes back (Esc). */
export function PurchasePreview({ view, amount, points, pending, onConfirm, onBack }: PurchasePreviewProps) {
  const t = useTranslations("DeskPurchase");
  const confirm = useRef<HTMLButtonElement>(null);
  // Focus the confirm button once it is enabled, so Enter confirms (autoFocus misses a button mounted disabled).
  useEffect(() => {
    if (!pending) confirm.current?.focus();
  }, [pending]);
  return (
    <section className="space-y-5 rounded-card border border-brand-200 bg-surface p-5 shadow-card sm:p-6" aria-labelledby="preview-title" data-testid="purchase-preview">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="preview-title" className="text-sm font-semibold tracking-wider text-brand-700 uppercase">
            {t("previewTitle")}
          </h2>
          <p className="mt-1 text-base text-ink-muted">{amount}</p>
        </div>
        <div className="text-right">
          <p className="text-sm text-ink-muted">{/* A rule with its own return window keeps only its points pending. */}
            {!view.pointsPending ? t("willEarn") : view.pointsPending < view.points ? t("willEarnPartlyPending", { pending: points(view.pointsPending), days: view.pendingDays }) : t("willEarnPending", { days: view.pendingDays })}</p>
          <p className="text-4xl font-semibold text-brand-700 tabular-nums" data-testid="preview-points">
            {points(view.points)}
          </p>
        </div>
      </div>
      {view.alreadyRecorded ? <p className="rounded-control border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-800" data-testid="already-recorded">{t("alreadyRecorded")}</p> : null}
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div className="flex justify-between rounded-control bg-surface-muted px-4 py-3">
          <dt className="text-ink-muted">{t("base")}</dt>
          <dd className="font-medium text-ink tabular-nums">{points(view.basePoints)}</dd>
        </div>
        {view.tierMultiplier !== 1 ? (
          <div className="flex justify-between rounded-control bg-surface-muted px-4 py-3">
            <dt className="text-ink-muted">{t("tierMultiplier", { factor: view.tierMultiplier })}</dt>
          </div>
        ) : null}
      </dl>
      <div>
        <h3 className="text-sm font-semibold text-ink">{t("rulesTitle")}</h3>
        {view.rules.length ? (
          <ul className="mt-2 divide-y divide-line rounded-control border border-line" data-testid="preview-rules">
            {view.rules.map((rule) => (
              <li key={rule.id} className="flex items-start justify-between gap-3 px-4 py-3" data-testid="preview-rule" data-fired={rule.fired}>
                <div className="min-w-0">
                  <p className={clsx("font-medium", rule.fired ? "text-ink" : "text-ink-muted")}>{rule.name}</p>
                  {rule.detail ? <p className="text-sm text-ink-subtle">{rule.detail}</p> : null}
                </div>
                <div className="shrink-0 text-right">
                  <Badge tone={rule.fired ? "brand" : "neutral"}>{rule.fired ? t("fired") : t("notFired")}</Badge>
                  {rule.fired ? <p className="mt-1 text-sm font-medium text-brand-700 tabular-nums">+{points(rule.points)}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-ink-muted">{t("noRules")}</p>
        )}
      </div>
      <p className="text-sm text-ink-muted" data-testid="preview-balance-after">
        {t("balanceAfter", { available: points(view.balanceAfter.available), pending: points(view.balanceAfter.pending) })}
      </p>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
        <p className="hidden text-xs text-ink-subtle sm:mr-auto sm:block">{t("keysHint")}</p>
        <Button variant="secondary" size="xl" onClick={onBack} disabled={pending}>
          {t("back")}
        </Button>
        <Button ref={confirm} size="xl" onClick={onConfirm} disabled={pending} className="sm:min-w-64" data-testid="confirm-purchase">
          {pending ? t("confirming") : t("confirm")}
        </Button>
      </div>
    </section>
  );
}
