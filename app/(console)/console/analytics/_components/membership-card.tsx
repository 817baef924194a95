import { useLocale, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatCount, formatMoney, formatPercent, numberLocale } from "@/lib/format";
import type { KpiDashboard, MembershipGroup } from "@/lib/services/kpis/get-kpi-dashboard";

type Group = "members" | "nonMembers";
const GROUPS: Group[] = ["members", "nonMembers"];

/**
 * Members' and non-members' purchases side by side: average ticket, frequency
 * and gross margin where unit costs are known. A group without costed
 * purchases says "no unit costs" rather than 0 %; frequency needs a member.
 */
export function MembershipCard({ dashboard }: { dashboard: KpiDashboard }) {
  const t = useTranslations("AnalyticsDashboard.membership");
  const tk = useTranslations("AnalyticsDashboard.kpis");
  const nl = numberLocale(useLocale(), dashboard.program.locale);
  const { byMembership } = dashboard;
  const money = (minor: number) => formatMoney(minor, dashboard.program.currency, nl);
  const none = tk("none");
  const rows: { key: string; label: string; cell: (g: MembershipGroup) => React.ReactNode }[] = [
    { key: "purchases", label: t("purchases"), cell: (g) => formatCount(g.purchases, nl) },
    { key: "average-ticket", label: t("averageTicket"), cell: (g) => (g.averageTicketMinor === null ? none : money(g.averageTicketMinor)) },
    { key: "frequency", label: t("frequency"), cell: (g) => (g.frequency === null ? none : tk("frequencyValue", { value: new Intl.NumberFormat(nl, { maximumFractionDigits: 2 }).format(g.frequency) })) },
    { key: "margin", label: t("margin"), cell: (g) => <MarginCell group={g} money={money} nl={nl} none={none} unknown={t("noCosts")} /> },
    { key: "coverage", label: t("coverage"), cell: (g) => (g.margin?.coverage == null ? none : formatPercent(g.margin.coverage, nl)) },
  ];

  return (
    <Card data-testid="membership-card">
      <CardHeader title={t("title")} description={t("description")} />
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line text-left text-xs text-ink-muted">
            <th scope="col" className="px-5 py-2 font-medium"><span className="sr-only">{t("figure")}</span></th>
            {GROUPS.map((g) => (
              <th key={g} scope="col" className="px-5 py-2 text-right font-medium whitespace-nowrap">{t(g)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-5 py-2.5 text-left font-normal text-ink-muted">{row.label}</th>
              {GROUPS.map((g) => (
                <td key={g} className="px-5 py-2.5 text-right whitespace-nowrap text-ink tabular-nums" data-testid={`membership-${g === "members" ? "members" : "non-members"}-${row.key}`}>
                  {row.cell(byMembership[g])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <CardBody className="space-y-1 border-t border-line text-xs text-ink-subtle">
        <p>{t("definition")}</p>
        <p>{byMembership.nonMembersFiltered ? t("nonMembersFiltered") : t("frequencyNote")}</p>
      </CardBody>
    </Card>
  );
}

function MarginCell({ group, money, nl, none, unknown }: { group: MembershipGroup; money: (minor: number) => string; nl: string; none: string; unknown: string }) {
  if (group.purchases === 0 && group.margin === null) return none;
  if (group.margin === null) return <span className="text-ink-subtle">{unknown}</span>;
  return (
    <>
      <span className="font-medium">{group.margin.rate === null ? none : formatPercent(group.margin.rate, nl)}</span>
      <span className="block text-xs text-ink-subtle">{money(group.margin.marginMinor)}</span>
    </>
  );
}
