"use client";

import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { ReceiptCard, ReceiptRow } from "../../../../_components/sales/desk-field";
import type { PurchaseReceiptView } from "../actions";

type PurchaseReceiptProps = {
  receipt: PurchaseReceiptView;
  money: (minor: number) => string;
  points: (n: number) => string;
  date: (iso: string) => string;
  onAnother: () => void;
  backHref: string;
};

/** The receipt-style confirmation: what was recorded and the new balance; printable. */
export function PurchaseReceipt({ receipt, money, points, date, onAnother, backHref }: PurchaseReceiptProps) {
  const t = useTranslations("DeskPurchase");
  const tSales = useTranslations("DeskSales");
  return (
    <ReceiptCard icon="sparkles" title={t("receiptTitle")} titleId="receipt-title" testId="purchase-receipt">
      {receipt.replayed ? <p className="rounded-control border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-800" data-testid="receipt-replayed">{t("receiptReplayed")}</p> : null}
      {receipt.tierChanged ? <p className="rounded-control bg-brand-50 px-4 py-3 text-sm font-medium text-brand-800">{t("receiptTier")}</p> : null}
      <dl>
        <ReceiptRow label={t("receiptOrder")} value={receipt.orderId} testId="receipt-order" />
        <ReceiptRow label={t("receiptStore")} value={receipt.store} />
        <ReceiptRow label={t("receiptDate")} value={date(receipt.occurredAt)} />
        <ReceiptRow label={t("receiptAmount")} value={money(receipt.amountMinor)} />
        <ReceiptRow label={t("receiptEarned")} value={`+${points(receipt.pointsEarned)}`} strong testId="receipt-earned" />
        {receipt.pointsPending ? <ReceiptRow label={t("receiptPending")} value={points(receipt.pointsPending)} /> : null}
        <ReceiptRow label={t("receiptBalance")} value={points(receipt.balance.available)} strong testId="receipt-balance" />
        <ReceiptRow label={t("receiptPendingBalance")} value={points(receipt.balance.pending)} />
      </dl>
      <div className="grid gap-3 sm:grid-cols-3 print:hidden">
        <Button size="lg" autoFocus onClick={onAnother} data-testid="another-purchase">
          {t("newPurchase")}
        </Button>
        <Button variant="secondary" size="lg" onClick={() => window.print()}>
          {tSales("print")}
        </Button>
        <ButtonLink variant="secondary" size="lg" href={backHref}>
          {tSales("backToMember")}
        </ButtonLink>
      </div>
    </ReceiptCard>
  );
}
