"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { parseMoneyInput, parseQuantityInput } from "@/lib/domain/money-input";
import { formatDateTime, formatMoney, formatPoints } from "@/lib/format";
import { DeskField } from "../../../../_components/sales/desk-field";
import { useEscape } from "../../../../_components/sales/use-desk-keys";
import { previewPurchaseAction, recordPurchaseAction, type PurchaseDraft, type PurchasePreviewView, type PurchaseReceiptView } from "../actions";
import { emptyLine, PurchaseLines, type LineInput } from "./purchase-lines";
import { PurchasePreview } from "./purchase-preview";
import { PurchaseReceipt } from "./purchase-receipt";

type PurchaseDeskProps = { storeId: string; memberId: string; currency: string; digits: number; locale: string; timeZone: string; backHref: string };
type Failure = { message: string; fieldErrors: Record<string, string> };


/**
 * The counter's purchase flow: type (order reference, amount, optional lines)
 * → preview the points and the rules → confirm → receipt. Enter moves forward,
 * Esc goes back a step; the order reference makes a repeated confirm harmless.
 */
export function PurchaseDesk({ storeId, memberId, currency, digits, locale, timeZone, backHref }: PurchaseDeskProps) {
  const t = useTranslations("DeskPurchase");
  const tSales = useTranslations("DeskSales");
  const router = useRouter();
  // Uncontrolled: a scan or keystrokes that land before hydration are kept (a controlled input would reset them).
  const [typed, setTyped] = useState({ orderId: "", amount: "" });
  const [lines, setLines] = useState<LineInput[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [preview, setPreview] = useState<{ draft: PurchaseDraft; view: PurchasePreviewView } | null>(null);
  const [receipt, setReceipt] = useState<PurchaseReceiptView | null>(null);
  // Separate transitions: a confirm still settling (its revalidated page) must not block the next ticket's preview.
  const [previewing, startPreview] = useTransition();
  const [confirming, startConfirm] = useTransition();
  const pending = previewing || confirming;
  const orderRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const step = receipt ? "receipt" : preview ? "preview" : "edit";

  const draft = (orderId: string, amount: string): PurchaseDraft => ({
    memberId,
    orderId: orderId.trim(),
    amountMinor: parseMoneyInput(amount, digits),
    lines: lines?.length
      ? lines.map((l) => ({ ...(l.kind === "sku" ? { sku: l.product.trim() || undefined } : { category: l.product.trim() || undefined }), quantity: parseQuantityInput(l.quantity), unitPriceMinor: parseMoneyInput(l.price, digits) }))
      : undefined,
  });

  const startOver = useCallback(() => {
    setPreview(null);
    setReceipt(null);
    setFailure(null);
    setTyped({ orderId: "", amount: "" });
    setLines(null);
  }, []);

  const back = useCallback(() => {
    if (confirming) return;
    if (step === "preview") setPreview(null);
    else router.push(backHref);
  }, [confirming, step, router, backHref]);
  useEscape(back);

  useEffect(() => {
    if (step === "edit") orderRef.current?.focus();
  }, [step]);

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { orderId: String(form.get("orderId") ?? ""), amount: String(form.get("amount") ?? "") };
    setTyped(values);
    const purchase = draft(values.orderId, values.amount);
    startPreview(async () => {
      const result = await previewPurchaseAction(storeId, purchase);
      if (result.ok) {
        setFailure(null);
        setPreview({ draft: purchase, view: result.data });
      } else setFailure({ message: result.message, fieldErrors: result.fieldErrors ?? {} });
    });
  }

  function onConfirm() {
    if (!preview || pending) return;
    startConfirm(async () => {
      const result = await recordPurchaseAction(storeId, preview.draft);
      if (result.ok) {
        setReceipt(result.data);
      } else {
        // Back to the form, with the reason (e.g. the reference was used meanwhile).
        setPreview(null);
        setFailure({ message: result.message, fieldErrors: result.fieldErrors ?? {} });
      }
    });
  }

  if (receipt) {
    return (
      <PurchaseReceipt
        receipt={receipt}
        money={money}
        points={(n) => formatPoints(n, locale)}
        date={(iso) => formatDateTime(iso, locale, timeZone)}
        onAnother={startOver}
        backHref={backHref}
      />
    );
  }
  if (preview) {
    return <PurchasePreview view={preview.view} amount={money(preview.draft.amountMinor)} points={(n) => formatPoints(n, locale)} pending={confirming} onConfirm={onConfirm} onBack={() => setPreview(null)} />;
  }
  const errors = failure?.fieldErrors ?? {};
  return (
    <form onSubmit={onPreview} noValidate className="space-y-5 rounded-card border border-line bg-surface p-5 shadow-card sm:p-6" data-testid="purchase-form" aria-describedby="purchase-message">
      <FormMessage id="purchase-message" message={failure ? { tone: "error", text: failure.message } : undefined} />
      <div className="grid gap-5 sm:grid-cols-2">
        <DeskField ref={orderRef} id="orderId" name="orderId" label={t("orderId")} hint={t("orderIdHint")} error={errors.orderId} autoComplete="off" autoFocus defaultValue={typed.orderId} />
        <DeskField ref={amountRef} id="amount" name="amount" label={t("amount", { currency })} hint={t("amountHint")} error={errors.amountMinor} inputMode="decimal" autoComplete="off" defaultValue={typed.amount} />
      </div>
      {lines ? (
        <PurchaseLines lines={lines} setLines={setLines} errors={errors} digits={digits} money={money} onUseTotal={(minor) => {
            if (amountRef.current) amountRef.current.value = (minor / 10 ** digits).toFixed(digits);
          }} onRemoveAll={() => setLines(null)} />
      ) : (
        <Button variant="secondary" size="lg" onClick={() => setLines([emptyLine()])} data-testid="show-lines">
          <Icon name="layers" className="size-5" />
          {t("showLines")}
        </Button>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="ghost" size="lg" onClick={() => router.push(backHref)}>
          {tSales("backToMember")}
        </Button>
        <Button type="submit" size="xl" disabled={previewing} className="sm:min-w-64" data-testid="preview-purchase">
          {previewing ? t("previewing") : t("preview")}
          <Icon name="arrowRight" className="size-5" />
        </Button>
      </div>
    </form>
  );
}
