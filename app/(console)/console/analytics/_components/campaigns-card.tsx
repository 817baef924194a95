import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import Link from "@/components/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { formatCount, formatPoints } from "@/lib/format";
import type { KpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { EmptyNote } from "./empty-note";

/** Campaigns that ran in the period with what they gave; each links to its results against the control group. */
export async function CampaignsCard({ dashboard, nl, action }: { dashboard: KpiDashboard; nl: string; action: ReactNode }) {
  const [t, tc] = await Promise.all([getTranslations("AnalyticsDashboard.campaigns"), getTranslations("Campaigns")]);
  return (
    <Card data-testid="campaigns-card">
      <CardHeader title={t("title")} description={t("description")} action={action} />
      {dashboard.campaigns.length === 0 ? (
        <CardBody>
          <EmptyNote text={t("empty")} />
        </CardBody>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-line text-left text-xs text-ink-muted">
              <th scope="col" className="px-5 py-2 font-medium">{t("campaign")}</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">{t("awarded")}</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">{t("points")}</th>
              <th scope="col" className="px-5 py-2"><span className="sr-only">{t("results")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {dashboard.campaigns.map((c) => (
              <tr key={c.id} data-testid="campaign-row">
                <td className="px-5 py-2.5">
                  <span className="font-medium text-ink">{c.name}</span>
                  <span className="mt-0.5 block text-xs text-ink-subtle">
                    {tc(`kinds.${c.kind}`)} · {tc(`statuses.${c.status}`)}
                    {c.controlShare > 0 ? ` · ${t("control", { share: c.controlShare })}` : ""}
                  </span>
                </td>
                <td className="px-5 py-2.5 text-right text-ink tabular-nums">{formatCount(c.awarded, nl)}</td>
                <td className="px-5 py-2.5 text-right text-ink-muted tabular-nums">{formatPoints(c.points, nl)}</td>
                <td className="px-5 py-2.5 text-right">
                  <Link href={`/console/campaigns/${c.id}`} className="inline-flex items-center gap-1 text-xs font-medium whitespace-nowrap text-brand-700 hover:underline">
                    {t("results")} <Icon name="arrowRight" className="size-3" />
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
