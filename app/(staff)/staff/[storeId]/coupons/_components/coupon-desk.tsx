"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { BarcodeScanner } from "@/components/desk/barcode-scanner";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import type { DeskCouponView } from "@/lib/services/desk/desk-coupons";
import { checkCouponAction, redeemCouponAction } from "../actions";
import { CouponCard } from "./coupon-card";

type Clock = { uiLocale: string; programLocale: string; timeZone: string };
type Stage = { kind: "idle" } | { kind: "found"; view: DeskCouponView } | { kind: "redeemed"; view: DeskCouponView } | { kind: "refused"; code: string; message: string; view?: DeskCouponView };

/**
 * Keyboard first: the code box has focus; Enter (typed, or sent by a USB
 * scanner after the code) checks it; on a usable coupon the Redeem button takes
 * focus, so a second Enter redeems; Esc goes back to an empty box.
 */
export function CouponDesk({ storeId, ...clock }: { storeId: string } & Clock) {
  const t = useTranslations("DeskCoupons");
  const [code, setCode] = useState("");
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const redeemRef = useRef<HTMLButtonElement>(null);

  // After the transition settles (buttons enabled again), focus what Enter should do next.
  useEffect(() => {
    if (pending) return;
    if (stage.kind === "found") redeemRef.current?.focus();
    else inputRef.current?.focus();
  }, [stage, pending]);

  const check = (raw: string) => {
    if (!raw.trim()) return;
    startTransition(async () => {
      const result = await checkCouponAction(storeId, raw);
      if (!result.ok) return setStage({ kind: "refused", code: result.code, message: result.message });
      setCode(result.data.coupon.code);
      const refusal = result.data.refusal;
      setStage(refusal ? { kind: "refused", code: refusal, message: t(`refused.${refusal}` as "refused.generic"), view: result.data } : { kind: "found", view: result.data });
    });
  };

  const redeem = () => {
    if (stage.kind !== "found") return;
    startTransition(async () => {
      const result = await redeemCouponAction(storeId, stage.view.coupon.code);
      if (!result.ok) return setStage({ kind: "refused", code: result.code, message: result.message });
      if (result.data.refusal) return setStage({ kind: "refused", code: result.data.refusal, message: t(`refused.${result.data.refusal}` as "refused.generic"), view: result.data });
      setStage({ kind: "redeemed", view: result.data });
    });
  };

  const reset = () => {
    setCode("");
    setStage({ kind: "idle" });
    inputRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    check(code);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") reset();
  };

  const shown = stage.kind === "found" || stage.kind === "redeemed" ? stage.view : stage.kind === "refused" ? stage.view : undefined;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_1fr]" onKeyDown={onKeyDown}>
      <Card>
        <CardBody className="space-y-4">
          <form onSubmit={onSubmit} className="space-y-3" data-testid="coupon-form">
            <label htmlFor="coupon-code" className="block text-base font-medium text-ink">
              {t("codeLabel")}
            </label>
            <input
              ref={inputRef}
              id="coupon-code"
              name="code"
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                if (stage.kind !== "idle") setStage({ kind: "idle" });
              }}
              autoFocus
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder={t("codePlaceholder")}
              aria-describedby="coupon-hint"
              className="block h-16 w-full rounded-control border border-line-strong bg-surface px-4 font-mono text-2xl tracking-wider text-ink uppercase placeholder:text-ink-subtle placeholder:normal-case focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
            />
            <p id="coupon-hint" className="text-sm text-ink-subtle">
              {t("hint")}
            </p>
            <div className="flex flex-wrap gap-3">
              <Button type="submit" size="lg" disabled={pending || !code.trim()} className="flex-1">
                <Icon name="search" className="size-5" />
                {pending && stage.kind === "idle" ? t("checking") : t("check")}
              </Button>
              <BarcodeScanner
                label={t("scan")}
                typeInto={inputRef}
                onScan={(text) => {
                  setCode(text);
                  check(text);
                }}
              />
            </div>
          </form>
        </CardBody>
      </Card>

      <div aria-live="polite" className="min-w-0">
        {stage.kind === "refused" ? (
          <div className="mb-4 flex items-start gap-3 rounded-card border border-accent-400/60 bg-accent-100 px-5 py-4 text-accent-700" data-testid="coupon-refused" data-code={stage.code}>
            <Icon name="alert" className="mt-0.5 size-6 shrink-0" />
            <p className="text-lg font-semibold">{stage.message}</p>
          </div>
        ) : null}
        {stage.kind === "redeemed" ? (
          <div className="mb-4 flex items-start gap-3 rounded-card border border-brand-200 bg-brand-50 px-5 py-4 text-brand-700" data-testid="coupon-redeemed">
            <Icon name="sparkles" className="mt-0.5 size-6 shrink-0" />
            <p className="text-lg font-semibold">{t("done")}</p>
          </div>
        ) : null}
        {shown ? <CouponCard view={shown} storeId={storeId} {...clock} /> : null}
        {stage.kind === "found" ? (
          <div className="mt-4 flex flex-wrap gap-3">
            <Button ref={redeemRef} size="xl" onClick={redeem} disabled={pending} data-testid="coupon-redeem" className="flex-1">
              {pending ? t("redeeming") : t("redeem")}
            </Button>
            <Button variant="secondary" size="xl" onClick={reset} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        ) : null}
        {stage.kind === "redeemed" || stage.kind === "refused" ? (
          <Button variant="secondary" size="lg" onClick={reset} className="mt-4">
            {t("next")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
