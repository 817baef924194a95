import { getTranslations } from "next-intl/server";
import type { DayActivity } from "@/lib/domain/desk/end-of-day";
import { formatMoney, formatPoints } from "@/lib/format";
import type { EndOfDayView } from "@/lib/services/desk/end-of-day-report";

type Format = { loc: string; currency: string };

/** One row per person who worked the store that day, then the store's total. */
export async function EndOfDayTable({ view, fmt }: { view: EndOfDayView; fmt: Format }) {
  const t = await getTranslations("DeskEndOfDay");
  const label = (key: string) => {
    const l = view.labels[key];
    if (!l) return key;
    if (l.kind === "user") return l.label;
    if (l.kind === "api_key") return t("integration", { label: l.label });
    return t("system");
  };
  const heads = ["purchases", "purchaseAmount", "pointsIssued", "redemptions", "pointsRedeemed", "couponsRedeemed", "returns", "returnAmount", "pointsReversed", "clawbackPoints", "adjustments", "pointsAdjusted", "netPoints"] as const;
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card print:overflow-visible print:border-0 print:shadow-none">
      <table className="w-full min-w-[64rem] text-sm print:min-w-0 print:text-[9pt]" data-testid="eod-table">
        <caption className="sr-only">{t("byStaff")}</caption>
        <thead className="bg-surface-muted text-left text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">{t("staff")}</th>
            {heads.map((h) => (
              <th key={h} scope="col" className="px-3 py-3 text-right">{t(`columns.${h}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {view.report.byActor.map((row) => (
            <tr key={row.actor} data-testid="eod-row">
              <th scope="row" className="px-4 py-3 text-left font-medium text-ink">
                {view.labels[row.actor]?.name ? (
                  <>
                    {view.labels[row.actor]!.name}
                    <span className="block text-xs font-normal text-ink-subtle">{label(row.actor)}</span>
                  </>
                ) : (
                  label(row.actor)
                )}
              </th>
              <Cells a={row.activity} fmt={fmt} />
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-line-strong bg-brand-50 font-semibold">
          <tr data-testid="eod-total-row">
            <th scope="row" className="px-4 py-3 text-left text-ink">{t("totals")}</th>
            <Cells a={view.report.totals} fmt={fmt} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Cells({ a, fmt }: { a: DayActivity; fmt: Format }) {
  const p = (n: number) => formatPoints(n, fmt.loc);
  const m = (n: number) => formatMoney(n, fmt.currency, fmt.loc);
  const adjusted = a.pointsAdded - a.pointsRemoved;
  const values = [p(a.purchases), m(a.purchaseAmountMinor), p(a.pointsIssued), p(a.redemptions), p(a.pointsRedeemed), p(a.couponsRedeemed), p(a.returns), m(a.returnAmountMinor), p(a.pointsReversed), p(a.clawbackPoints), p(a.adjustments), `${adjusted > 0 ? "+" : ""}${p(adjusted)}`, `${a.netPoints > 0 ? "+" : ""}${p(a.netPoints)}`];
  return values.map((v, i) => (
    <td key={i} className="px-3 py-3 text-right text-ink tabular-nums whitespace-nowrap">{v}</td>
  ));
}
