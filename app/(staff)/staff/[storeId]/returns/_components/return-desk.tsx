"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icons";
import { currencyDigits } from "@/lib/domain/money";
import { parseMoneyInput, parseQuantityInput } from "@/lib/domain/money-input";
import { formatDateTime, formatMoney, formatPoints } from "@/lib/format";
import type { ReturnablePurchase } from "@/lib/services/desk/find-purchase-for-return";
import type { ReturnPreview } from "@/lib/services/desk/preview-return";
import { DeskField } from "../../_components/sales/desk-field";
import { useEscape } from "../../_components/sales/use-desk-keys";
import { findReturnAction, previewReturnAction, recordReturnAction, type ReturnDraft, type ReturnReceiptView } from "../actions";
import { ReturnChoice, type ReturnMode } from "./return-choice";
import { ReturnPreviewCard } from "./return-preview";
import { ReturnReceipt } from "./return-receipt";

type Failure = { message: string; fieldErrors: Record<string, string> };

/**
 * The counter's return flow: reference → the purchase → what is returned →
 * preview of the points reversed and any clawback → confirm → receipt.
 * Enter moves forward; Esc goes back a step.
 */
export function ReturnDesk({ storeId, uiLocale }: { storeId: string; uiLocale: string }) {
  const t = useTranslations("DeskReturn");
  // Uncontrolled reference field: a scan that lands before hydration is kept.
  const [orderId, setOrderId] = useState("");
  const [purchase, setPurchase] = useState<ReturnablePurchase | null>(null);
  const [mode, setMode] = useState<ReturnMode>("rest");
  const [amount, setAmount] = useState("");
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<{ draft: ReturnDraft; view: ReturnPreview; key: string } | null>(null);
  const [receipt, setReceipt] = useState<ReturnReceiptView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const orderRef = useRef<HTMLInputElement>(null);
  const step = receipt ? "receipt" : preview ? "preview" : purchase ? "choose" : "find";
  const currency = purchase?.currency ?? "USD";
  const money = (minor: number) => formatMoney(minor, currency, uiLocale);
  const points = (n: number) => formatPoints(n, uiLocale);

  const reset = useCallback(() => {
    setPurchase(null);
    setPreview(null);
    setReceipt(null);
    setFailure(null);
    setOrderId("");
    setMode("rest");
    setAmount("");
    setQuantities({});
    setReason("");
  }, []);

  const back = useCallback(() => {
    if (pending) return;
    if (step === "preview") setPreview(null);
    else if (step === "choose" || step === "receipt") reset();
  }, [pending, step, reset]);
  useEscape(back);

  useEffect(() => {
    if (step === "find") orderRef.current?.focus();
  }, [step]);

  const fail = (result: { message: string; fieldErrors?: Record<string, string> }) => setFailure({ message: result.message, fieldErrors: result.fieldErrors ?? {} });

  function onFind(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get("orderId") ?? "").trim();
    setOrderId(typed);
    startTransition(async () => {
      const result = await findReturnAction(storeId, typed);
      if (!result.ok) return fail(result);
      setFailure(null);
      setPurchase(result.data);
      setMode(result.data.lines.length ? "lines" : "rest");
    });
  }

  function draft(p: ReturnablePurchase): ReturnDraft {
    const base = { orderId: p.orderId, reason: reason.trim() || undefined };
    if (mode === "amount") return { ...base, amountMinor: parseMoneyInput(amount, currencyDigits(p.currency)) };
    if (mode === "lines") {
      const lines = p.lines.flatMap((l) => (quantities[l.lineNo]?.trim() && l.sku ? [{ sku: l.sku, quantity: parseQuantityInput(quantities[l.lineNo]!) }] : []));
      return { ...base, lines };
    }
    return base;
  }

  function onPreview(event: FormEvent) {
    event.preventDefault();
    if (!purchase) return;
    const chosen = draft(purchase);
    startTransition(async () => {
      const result = await previewReturnAction(storeId, chosen);
      if (!result.ok) return fail(result);
      setFailure(null);
      setPreview({ draft: chosen, view: result.data, key: crypto.randomUUID() });
    });
  }

  function onConfirm() {
    if (!preview || pending || preview.view.blocked) return;
    startTransition(async () => {
      const result = await recordReturnAction(storeId, preview.draft, preview.key);
      if (!result.ok) {
        setPreview(null);
        return fail(result);
      }
      setReceipt(result.data);
    });
  }

  const message = failure ? <FormMessage id="return-message" message={{ tone: "error", text: failure.message }} /> : <FormMessage id="return-message" />;
  if (receipt) return <ReturnReceipt receipt={receipt} money={money} points={points} date={(iso) => formatDateTime(iso, uiLocale, Intl.DateTimeFormat().resolvedOptions().timeZone)} onAnother={reset} />;
  if (preview) return <ReturnPreviewCard view={preview.view} money={money} points={points} pending={pending} onConfirm={onConfirm} onBack={() => setPreview(null)} />;
  if (purchase) {
    return (
      <form onSubmit={onPreview} noValidate className="space-y-5" aria-describedby="return-message" data-testid="return-form">
        {message}
        <ReturnChoice
          purchase={purchase}
          mode={mode}
          setMode={setMode}
          amount={amount}
          setAmount={setAmount}
          quantities={quantities}
          setQuantities={setQuantities}
          reason={reason}
          setReason={setReason}
          errors={failure?.fieldErrors ?? {}}
          money={money}
          points={points}
          date={(iso) => formatDateTime(iso, uiLocale, Intl.DateTimeFormat().resolvedOptions().timeZone)}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="ghost" size="lg" onClick={reset}>
            {t("changeOrder")}
          </Button>
          <Button type="submit" size="xl" disabled={pending || purchase.refundedMinor >= purchase.amountMinor} className="sm:min-w-64" data-testid="preview-return">
            {pending ? t("previewing") : t("preview")}
            <Icon name="arrowRight" className="size-5" />
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="space-y-6">
      <form onSubmit={onFind} noValidate className="flex flex-col gap-3 rounded-card border border-line bg-surface p-5 shadow-card sm:flex-row sm:items-end" aria-describedby="return-message" data-testid="return-find">
        <DeskField ref={orderRef} id="orderId" name="orderId" className="flex-1" label={t("orderId")} autoComplete="off" autoFocus defaultValue={orderId} error={failure?.fieldErrors.orderId} />
        <Button type="submit" size="xl" disabled={pending} data-testid="find-purchase">
          <Icon name="search" className="size-5" />
          {pending ? t("finding") : t("find")}
        </Button>
      </form>
      {message}
      {!failure ? (
        <EmptyState icon="refresh" title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : null}
    </div>
  );
}
