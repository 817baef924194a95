"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { parseMoneyInput, parseQuantityInput } from "@/lib/domain/money-input";

export type LineInput = { kind: "sku" | "category"; product: string; quantity: string; price: string };

export const emptyLine = (): LineInput => ({ kind: "sku", product: "", quantity: "1", price: "" });

type PurchaseLinesProps = {
  lines: LineInput[];
  setLines: (lines: LineInput[]) => void;
  errors: Record<string, string>;
  digits: number;
  money: (minor: number) => string;
  onUseTotal: (minor: number) => void;
  onRemoveAll: () => void;
};

const cell = "h-14 w-full rounded-control border border-line-strong bg-surface px-3 text-lg text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none";

/** Optional ticket lines (SKU or category, quantity, unit price), so product rules can apply. */
export function PurchaseLines({ lines, setLines, errors, digits, money, onUseTotal, onRemoveAll }: PurchaseLinesProps) {
  const t = useTranslations("DeskPurchase");
  const update = (index: number, patch: Partial<LineInput>) => setLines(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const totals = lines.map((l) => Math.round(parseQuantityInput(l.quantity) * parseMoneyInput(l.price, digits)));
  const total = totals.every(Number.isFinite) ? totals.reduce((a, b) => a + b, 0) : null;
  return (
    <fieldset className="space-y-3 rounded-control border border-line p-4" data-testid="purchase-lines">
      <legend className="px-1 text-sm font-medium text-ink">{t("showLines")}</legend>
      <p className="text-xs text-ink-subtle">{t("linesHint")}</p>
      {lines.map((line, i) => {
        const error = errors[`lines.${i}`];
        return (
          <div key={i} className="space-y-1">
            <div className="grid grid-cols-[7rem_1fr] gap-2 sm:grid-cols-[8rem_1fr_6rem_9rem_auto]">
              <label className="sr-only" htmlFor={`line-${i}-kind`}>{t("lineKind")}</label>
              <select id={`line-${i}-kind`} className={cell} value={line.kind} onChange={(e) => update(i, { kind: e.target.value as LineInput["kind"] })}>
                <option value="sku">{t("kindSku")}</option>
                <option value="category">{t("kindCategory")}</option>
              </select>
              <label className="sr-only" htmlFor={`line-${i}-product`}>{t("lineProduct")}</label>
              <input id={`line-${i}-product`} className={cell} placeholder={t("lineProductPlaceholder")} autoComplete="off" value={line.product} onChange={(e) => update(i, { product: e.target.value })} aria-invalid={error ? true : undefined} />
              <label className="sr-only" htmlFor={`line-${i}-quantity`}>{t("lineQuantity")}</label>
              <input id={`line-${i}-quantity`} className={cell} inputMode="decimal" placeholder={t("lineQuantity")} value={line.quantity} onChange={(e) => update(i, { quantity: e.target.value })} />
              <label className="sr-only" htmlFor={`line-${i}-price`}>{t("linePrice")}</label>
              <input id={`line-${i}-price`} className={cell} inputMode="decimal" placeholder={t("linePrice")} value={line.price} onChange={(e) => update(i, { price: e.target.value })} />
              <Button variant="ghost" size="lg" aria-label={t("removeLine", { n: i + 1 })} onClick={() => (lines.length > 1 ? setLines(lines.filter((_, j) => j !== i)) : onRemoveAll())}>
                <span aria-hidden="true" className="text-xl">×</span>
              </Button>
            </div>
            {error ? <p className="text-sm font-medium text-accent-700" data-testid={`line-${i}-error`}>{error}</p> : null}
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="lg" onClick={() => setLines([...lines, emptyLine()])}>
          {t("addLine")}
        </Button>
        {total !== null && total > 0 ? (
          <Button variant="secondary" size="lg" onClick={() => onUseTotal(total)} data-testid="use-lines-total">
            {t("useLinesTotal", { total: money(total) })}
          </Button>
        ) : null}
        <Button variant="ghost" size="lg" onClick={onRemoveAll}>
          {t("hideLines")}
        </Button>
      </div>
    </fieldset>
  );
}
