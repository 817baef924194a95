"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ReturnPreview } from "@/lib/services/desk/preview-return";
import { ReceiptRow } from "../../_components/sales/desk-field";

type ReturnPreviewCardProps = { view: ReturnPreview; money: (minor: number) => string; points: (n: number) => string; pending: boolean; onConfirm: () => void; onBack: () => void };

/** What the return will take back — money, points, where they come from, any clawback — before confirming. */
export function ReturnPreviewCard({ view, money, points, pending, onConfirm, onBack }: ReturnPreviewCardProps) {
  const t = useTranslations("DeskReturn");
  const confirm = useRef<HTMLButtonElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  // Focus confirm (or back, when the return is blocked) once enabled, so Enter does the right thing.
  useEffect(() => {
    if (!pending) (view.blocked ? back : confirm).current?.focus();
  }, [pending, view.blocked]);
  return (
    <section className="mx-auto max-w-2xl space-y-5 rounded-card border border-brand-200 bg-surface p-5 shadow-card sm:p-6" aria-labelledby="return-preview-title" data-testid="return-preview">
      <h2 id="return-preview-title" className="text-sm font-semibold tracking-wider text-brand-700 uppercase">
        {t("previewTitle")}
      </h2>
      <dl>
        <ReceiptRow label={t("receiptOrder")} value={view.orderId} />
        <ReceiptRow label={t("refundAmount")} value={money(view.refundMinor)} strong testId="preview-refund" />
        <ReceiptRow label={t("pointsReversed")} value={`−${points(view.pointsReversed)}`} strong testId="preview-reversed" />
        {view.fromPending ? <ReceiptRow label={t("fromPending")} value={points(view.fromPending)} /> : null}
        <ReceiptRow label={t("fromAvailable")} value={points(view.fromAvailable)} />
        {view.clawback.points ? <ReceiptRow label={t("clawback")} value={points(view.clawback.points)} testId="preview-clawback" /> : null}
      </dl>
      {view.clawback.points && !view.blocked ? <p className="rounded-control border border-accent-400/50 bg-accent-100 px-4 py-3 text-sm text-accent-700" data-testid="clawback-note">{t("clawbackNote", { points: points(view.clawback.points) })}</p> : null}
      {view.blocked ? <p className="rounded-control border border-accent-400/50 bg-accent-100 px-4 py-3 text-sm font-medium text-accent-700" data-testid="return-blocked">{t("blocked")}</p> : null}
      {view.balanceAfter ? (
        <p className="text-sm text-ink-muted" data-testid="return-balance-after">
          {t("balanceAfter", { available: points(view.balanceAfter.available), pending: points(view.balanceAfter.pending) })}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
        <p className="hidden text-xs text-ink-subtle sm:mr-auto sm:block">{t("keysHint")}</p>
        <Button ref={back} variant="secondary" size="xl" onClick={onBack} disabled={pending}>
          {t("back")}
        </Button>
        <Button ref={confirm} size="xl" onClick={onConfirm} disabled={pending || view.blocked} className="sm:min-w-64" data-testid="confirm-return">
          {pending ? t("confirming") : t("confirm")}
        </Button>
      </div>
    </section>
  );
}
