"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TextField } from "@/components/forms/text-field";
import { Icon } from "@/components/ui/icons";
import { currencyMinorDigits, formatMoney, formatPoints, numberLocale } from "@/lib/format";
import type { DeskHoldResult, DeskRedeemContext } from "@/lib/services/desk/desk-redemption";
import type { SettledHoldView } from "@/lib/services/ledger/manage-holds";
import { placeHoldAction, settleHoldAction } from "../actions";
import type { Balance } from "./redeem-desk";

type Props = { storeId: string; context: DeskRedeemContext; uiLocale: string; available: number; onBalance: (b: Balance) => void };
type Stage = { kind: "form" } | { kind: "held"; hold: DeskHoldResult } | { kind: "settled"; result: SettledHoldView; points: number };

/** "12.50", "12,50" or "1,234.50" typed at the counter → minor units; NaN when it is not an amount. */
function toMinor(text: string, digits: number): number {
  const cleaned = text.trim().replace(/\s/g, "");
  const match = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,3}))?$/.exec(cleaned);
  if (!match) return Number.NaN;
  const whole = match[1]!.replace(/[.,]/g, "");
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  if (fraction.length > digits) return Number.NaN;
  return Number(whole) * 10 ** digits + Number(fraction || 0);
}

/**
 * Points as payment in two steps, like a card payment: hold the points (they
 * stop being spendable), complete the sale, then capture the hold — or void
 * it if the sale is cancelled. Enter submits the step in focus, Esc clears.
 */
export function PointsPayment({ storeId, context, uiLocale, available, onBalance }: Props) {
  const t = useTranslations("DeskRedeem.points");
  const { currency, locale: programLocale, pointValueMilli } = context.program;
  const loc = numberLocale(uiLocale, programLocale);
  const [mode, setMode] = useState<"points" | "money">("points");
  const [value, setValue] = useState("");
  const [reference, setReference] = useState("");
  const [stage, setStage] = useState<Stage>({ kind: "form" });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const captureRef = useRef<HTMLButtonElement>(null);

  // After the transition settles (buttons enabled again), focus what Enter should do next.
  useEffect(() => {
    if (pending) return;
    if (stage.kind === "form") inputRef.current?.focus();
    if (stage.kind === "held") captureRef.current?.focus();
  }, [stage, mode, pending]);

  const balanceOf = (b: Balance) => onBalance({ available: b.available, pending: b.pending, held: b.held });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = currencyMinorDigits(currency);
    const points = mode === "points" ? (/^\d+$/.test(value.trim().replace(/[.,\s]/g, "")) ? Number(value.trim().replace(/[.,\s]/g, "")) : Number.NaN) : undefined;
    const amountMinor = mode === "money" ? toMinor(value, digits) : undefined;
    startTransition(async () => {
      const result = await placeHoldAction(storeId, { memberId: context.member.id, points, amountMinor, reference: reference.trim() || undefined, idempotencyKey: key });
      if (!result.ok) return setError({ message: result.fieldErrors?.points ?? result.fieldErrors?.amount ?? result.message, field: "amount" });
      setError(null);
      balanceOf(result.data.balance);
      setStage({ kind: "held", hold: result.data });
    });
  };
  const settle = (hold: DeskHoldResult, action: "capture" | "void") => {
    startTransition(async () => {
      const result = await settleHoldAction(storeId, { memberId: context.member.id, holdId: hold.id, action, idempotencyKey: `${hold.id}:${action}` });
      if (!result.ok) return setError({ message: result.message });
      setError(null);
      balanceOf(result.data.balance);
      setStage({ kind: "settled", result: result.data, points: hold.points });
    });
  };
  const restart = () => {
    setValue("");
    setReference("");
    setError(null);
    setKey(crypto.randomUUID());
    setStage({ kind: "form" });
  };

  if (stage.kind === "settled") {
    const captured = stage.result.status === "captured";
    return (
      <Card data-testid="hold-settled" data-status={stage.result.status}>
        <CardBody className="space-y-3">
          <p className="flex items-center gap-2 text-xl font-semibold text-brand-700">
            <Icon name={captured ? "sparkles" : "refresh"} className="size-6" />
            {captured ? t("captured") : t("voided")}
          </p>
          <p className="text-base text-ink">
            {(captured ? t.bind(null, "capturedBody") : t.bind(null, "voidedBody"))({ points: formatPoints(captured ? stage.result.captured : stage.points, loc), available: formatPoints(stage.result.balance.available, loc) })}
          </p>
          <Button size="lg" variant="secondary" autoFocus onClick={restart}>
            {t("another")}
          </Button>
        </CardBody>
      </Card>
    );
  }

  if (stage.kind === "held") {
    const { hold } = stage;
    const worth = hold.valueMinor !== null ? formatMoney(hold.valueMinor, currency, loc) : "none";
    return (
      <Card data-testid="hold-active">
        <CardHeader title={t("heldTitle")} />
        <CardBody className="space-y-4">
          <p className="text-3xl font-semibold text-ink tabular-nums" data-testid="hold-points">
            {formatPoints(hold.points, loc)} pts
          </p>
          <p className="text-base text-ink-muted">{t("heldBody", { points: formatPoints(hold.points, loc), value: worth })}</p>
          {error ? <p className="rounded-control bg-accent-100 px-4 py-3 font-medium text-accent-700">{error.message}</p> : null}
          <div className="flex flex-wrap gap-3">
            <Button ref={captureRef} size="xl" onClick={() => settle(hold, "capture")} disabled={pending} className="flex-1" data-testid="hold-capture">
              {pending ? t("settling") : t("capture")}
            </Button>
            <Button size="xl" variant="secondary" onClick={() => settle(hold, "void")} disabled={pending} data-testid="hold-void">
              {t("void")}
            </Button>
          </div>
        </CardBody>
      </Card>
    );
  }

  const pointValue = pointValueMilli ? formatMoney(Math.floor((100 * pointValueMilli) / 1000), currency, loc) : null;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <form onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && restart()} className="space-y-4" noValidate>
          <div className="flex gap-2" role="radiogroup">
            {(["points", "money"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={mode === m}
                disabled={m === "money" && !pointValueMilli}
                onClick={() => setMode(m)}
                className={clsx(
                  "min-h-12 flex-1 rounded-control border px-4 text-base font-medium disabled:opacity-50 sm:flex-none",
                  mode === m ? "border-brand-600 bg-brand-50 text-brand-700" : "border-line bg-surface text-ink",
                )}
              >
                {m === "points" ? t("byPoints") : t("byMoney", { currency })}
              </button>
            ))}
          </div>
          <TextField
            ref={inputRef}
            name="amount"
            inputSize="lg"
            inputMode={mode === "points" ? "numeric" : "decimal"}
            autoComplete="off"
            autoFocus
            label={mode === "points" ? t("pointsLabel") : t("amountLabel")}
            hint={pointValue ? t("worth", { value: pointValue }) : t("noValue")}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={error?.field === "amount" ? error.message : undefined}
          />
          <TextField name="reference" label={t("reference")} value={reference} onChange={(e) => setReference(e.target.value)} inputSize="lg" autoComplete="off" />
          {error && error.field !== "amount" ? <p className="font-medium text-accent-700">{error.message}</p> : null}
          <Button type="submit" size="xl" disabled={pending || !value.trim() || available <= 0} className="w-full" data-testid="hold-submit">
            {pending ? t("holding") : t("hold")}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
