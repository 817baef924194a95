"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ReceiptCard, ReceiptRow } from "../../_components/sales/desk-field";
import type { ReturnReceiptView } from "../actions";

type ReturnReceiptProps = { receipt: ReturnReceiptView; money: (minor: number) => string; points: (n: number) => string; date: (iso: string) => string; onAnother: () => void };

/** The receipt of a return: money back, points reversed, clawback and the new balance; printable. */
export function ReturnReceipt({ receipt, money, points, date, onAnother }: ReturnReceiptProps) {
  const t = useTranslations("DeskReturn");
  const tSales = useTranslations("DeskSales");
  return (
    <ReceiptCard icon="refresh" title={t("receiptTitle")} titleId="return-receipt-title" testId="return-receipt">
      {receipt.replayed ? <p className="rounded-control border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-800">{t("receiptReplayed")}</p> : null}
      <dl>
        <ReceiptRow label={t("receiptOrder")} value={receipt.orderId} />
        <ReceiptRow label={t("receiptStore")} value={receipt.store} />
        <ReceiptRow label={t("receiptDate")} value={date(receipt.createdAt)} />
        <ReceiptRow label={t("receiptRefunded")} value={money(receipt.refundedMinor)} strong testId="receipt-refunded" />
        <ReceiptRow label={t("receiptReversed")} value={`−${points(receipt.pointsReversed)}`} strong testId="receipt-reversed" />
        {receipt.clawbackPoints ? <ReceiptRow label={t("receiptClawback")} value={points(receipt.clawbackPoints)} /> : null}
        {receipt.balance ? <ReceiptRow label={t("receiptBalance")} value={points(receipt.balance.available)} testId="receipt-balance" /> : null}
        <ReceiptRow label={t("receiptStatus")} value={receipt.status === "refunded" ? t("statusRefunded") : t("statusPartial")} />
      </dl>
      <div className="grid gap-3 sm:grid-cols-2 print:hidden">
        <Button size="lg" autoFocus onClick={onAnother} data-testid="another-return">
          {t("another")}
        </Button>
        <Button variant="secondary" size="lg" onClick={() => window.print()}>
          {tSales("print")}
        </Button>
      </div>
    </ReceiptCard>
  );
}
