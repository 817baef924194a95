import { useTranslations } from "next-intl";
import { formatCount, formatMoney, formatPoints } from "@/lib/format";
import type { BrandKpis } from "@/lib/services/organizations/get-organization-dashboard";

type Props = { brands: BrandKpis[]; currentId: string; locale: string };

/** The brands side by side: counts in the UI's number format, money in each brand's own currency. */
export function BrandsTable({ brands, currentId, locale }: Props) {
  const t = useTranslations("Organization.dashboard");
  const money = (minor: number | null, b: BrandKpis) => (minor === null ? null : formatMoney(minor, b.program.currency, locale));
  const columns = [
    { key: "members", label: t("members"), value: (b: BrandKpis) => formatCount(b.members, locale) },
    { key: "active", label: t("activeMembers"), value: (b: BrandKpis) => formatCount(b.activeMembers, locale) },
    { key: "issued", label: t("pointsIssued"), value: (b: BrandKpis) => formatPoints(b.pointsIssued, locale) },
    { key: "redeemed", label: t("pointsRedeemed"), value: (b: BrandKpis) => formatPoints(b.pointsRedeemed, locale) },
    { key: "liability", label: t("liability"), value: (b: BrandKpis) => money(b.liabilityMinor, b) ?? <span className="text-ink-subtle">{t("noValue")}</span> },
    { key: "ticket", label: t("averageTicket"), value: (b: BrandKpis) => money(b.averageTicketMinor, b) ?? <span className="text-ink-subtle">{t("none")}</span> },
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-sm" data-testid="brands-table">
        <thead>
          <tr className="border-b border-line text-left text-xs text-ink-subtle">
            <th scope="col" className="py-2 pr-4 font-medium">{t("brand")}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-right font-medium">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {brands.map((b) => (
            <tr key={b.program.id} className="border-b border-line last:border-0" data-testid="brand-row">
              <th scope="row" className="py-3 pr-4 text-left font-medium text-ink">
                {b.program.name}
                {b.program.id === currentId ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-[11px] font-medium text-brand-700">{t("current")}</span> : null}
                <span className="block text-xs font-normal text-ink-subtle">{b.program.currency}</span>
              </th>
              {columns.map((c) => (
                <td key={c.key} className="px-3 py-3 text-right whitespace-nowrap text-ink tabular-nums">{c.value(b)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
