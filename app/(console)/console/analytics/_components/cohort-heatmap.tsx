import { useTranslations } from "next-intl";
import { formatCount, formatPercent } from "@/lib/format";
import type { CohortRow } from "@/lib/domain/analytics/kpis";

/** Cells shade with the share retained; month 0 is 100 % by construction and drawn neutral. */
function cellStyle(share: number | null, offset: number): React.CSSProperties | undefined {
  if (share === null) return undefined;
  if (offset === 0) return { backgroundColor: "#e5e7eb" };
  const alpha = Math.min(1, 0.08 + share * 2.2);
  return { backgroundColor: `rgba(39, 151, 135, ${alpha.toFixed(3)})`, color: alpha > 0.55 ? "#ffffff" : undefined };
}

export function CohortHeatmap({ rows, months, locale, cohortLabel }: { rows: CohortRow[]; months: number; locale: string; cohortLabel: (cohort: string) => string }) {
  const t = useTranslations("AnalyticsDashboard.cohorts");
  return (
    <div className="overflow-x-auto" data-testid="cohort-heatmap">
      <table className="w-full border-separate border-spacing-0.5 text-xs tabular-nums">
        <thead>
          <tr className="text-ink-muted">
            <th scope="col" className="px-2 py-1.5 text-left font-medium">{t("cohort")}</th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">{t("size")}</th>
            {Array.from({ length: months }, (_, k) => (
              <th key={k} scope="col" className="px-1 py-1.5 text-center font-medium whitespace-nowrap">{t("month", { n: k })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.cohort} data-testid="cohort-row">
              <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap text-ink">{cohortLabel(row.cohort)}</th>
              <td className="px-2 py-1.5 text-right text-ink-muted">{formatCount(row.size, locale)}</td>
              {row.shares.map((share, k) => (
                <td key={k} className="min-w-11 rounded px-1 py-1.5 text-center text-ink" style={cellStyle(share, k)}>
                  {share === null ? "" : formatPercent(share, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
