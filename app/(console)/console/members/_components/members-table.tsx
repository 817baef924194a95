import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatPoints } from "@/lib/format";
import { localizedText, type LocalizedText } from "@/lib/localized-text";
import type { MemberListRow } from "@/lib/services/members/search-members";

type MembersTableProps = { members: MemberListRow[]; tierNames: Record<string, LocalizedText>; locale: string; numberLocale: string };

export function MembersTable({ members, tierNames, locale, numberLocale }: MembersTableProps) {
  const t = useTranslations("ConsoleMembers");
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid="members-table">
        <thead className="border-b border-line bg-surface-muted text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="px-5 py-2.5">{t("columns.member")}</th>
            <th scope="col" className="px-3 py-2.5">{t("columns.card")}</th>
            <th scope="col" className="px-3 py-2.5">{t("columns.phone")}</th>
            <th scope="col" className="px-3 py-2.5">{t("columns.tier")}</th>
            <th scope="col" className="px-3 py-2.5 text-right">{t("columns.available")}</th>
            <th scope="col" className="px-5 py-2.5 text-right">{t("columns.pending")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((m) => (
            <tr key={m.id} className="hover:bg-surface-muted/60" data-testid="member-row">
              <td className="max-w-[18rem] px-5 py-3">
                <Link href={`/console/members/${m.id}`} className="block truncate font-medium text-brand-700 hover:underline">
                  {m.name ?? t("noName")}
                </Link>
                <span className="block truncate text-xs text-ink-subtle">{m.email ?? "—"}</span>
              </td>
              <td className="px-3 py-3 font-mono text-xs whitespace-nowrap text-ink-muted">{m.cardNumber}</td>
              <td className="px-3 py-3 whitespace-nowrap text-ink-muted">{m.phone ?? "—"}</td>
              <td className="px-3 py-3">
                {m.tierKey ? <Badge tone="brand">{tierNames[m.tierKey] ? localizedText(tierNames[m.tierKey]!, locale) : m.tierKey}</Badge> : <span className="text-ink-subtle">{t("noTier")}</span>}
                {m.status !== "active" ? <Badge tone="accent" className="ml-1.5">{t(`status.${m.status as "active"}`)}</Badge> : null}
              </td>
              <td className="px-3 py-3 text-right font-medium text-ink tabular-nums">{formatPoints(m.available, numberLocale)}</td>
              <td className="px-5 py-3 text-right text-ink-muted tabular-nums">{formatPoints(m.pending, numberLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
