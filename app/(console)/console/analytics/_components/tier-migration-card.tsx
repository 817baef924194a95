import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatCount } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { KpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { EmptyNote } from "./empty-note";

const DIRECTION_STYLE = { up: "text-brand-700", down: "text-accent-700", lateral: "text-ink-subtle" } as const;

/** Tier changes in the period, from → to, with who went up and down. */
export async function TierMigrationCard({ dashboard, locale, nl, action }: { dashboard: KpiDashboard; locale: string; nl: string; action: ReactNode }) {
  const t = await getTranslations("AnalyticsDashboard.migration");
  const names = new Map(dashboard.options.tiers.map((tier) => [tier.key, localizedText(tier.name, locale)]));
  const name = (key: string | null) => (key === null ? t("noTier") : (names.get(key) ?? key));
  const { rows, up, down } = dashboard.tierMigration;
  return (
    <Card data-testid="migration-card">
      <CardHeader title={t("title")} description={t("description")} action={action} />
      {rows.length === 0 ? (
        <CardBody>
          <EmptyNote text={t("empty")} />
        </CardBody>
      ) : (
        <>
          <p className="flex flex-wrap gap-x-4 gap-y-1 border-b border-line px-5 py-3 text-sm" data-testid="migration-summary">
            <span className={DIRECTION_STYLE.up}>↑ {t("up", { count: up, formatted: formatCount(up, nl) })}</span>
            <span className={DIRECTION_STYLE.down}>↓ {t("down", { count: down, formatted: formatCount(down, nl) })}</span>
          </p>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-line text-left text-xs text-ink-muted">
                <th scope="col" className="px-5 py-2 font-medium">{t("move")}</th>
                <th scope="col" className="px-5 py-2 text-right font-medium">{t("members")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.slice(0, 8).map((row) => (
                <tr key={`${row.fromTier}→${row.toTier}`} data-testid="migration-row">
                  <td className="px-5 py-2.5 text-ink">
                    {name(row.fromTier)} <span aria-hidden="true" className="text-ink-subtle">→</span> {name(row.toTier)}
                    <span className={`ml-2 text-xs ${DIRECTION_STYLE[row.direction]}`}>{t(`direction.${row.direction}`)}</span>
                  </td>
                  <td className="px-5 py-2.5 text-right text-ink tabular-nums">{formatCount(row.members, nl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
