import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate, formatPoints } from "@/lib/format";
import type { MemberDetail } from "@/lib/services/members/get-member-detail";

/** Lots listed: the soonest to expire; the rest are summed in the expiries above. */
const SHOWN_LOTS = 8;

type Fmt = { numberLocale: string; timeZone: string };
type ExpiryT = ReturnType<typeof useTranslations<"MemberDetail.expiry">>;

/** The plan's expiry policy in one sentence (end of period: the period after the one earned in — see lib/domain/ledger/expiry-policy.ts). */
function policyText(policy: NonNullable<MemberDetail["expiry"]>, t: ExpiryT): string {
  switch (policy.kind) {
    case "rolling":
      return t("policy.rolling", { months: policy.months });
    case "end_of_period":
      return t(policy.period === "year" ? "policy.end_of_period_year" : "policy.end_of_period_quarter");
    case "inactivity":
      return t("policy.inactivity", { months: policy.months });
    case "none":
      return t("policy.none");
  }
}

/** Exact upcoming expiries (several lots can expire on different dates) and the lots still holding points. */
export function ExpiryCard({ detail, fmt }: { detail: MemberDetail; fmt: Fmt }) {
  const t = useTranslations("MemberDetail.expiry");
  const next = detail.upcomingExpiries[0];
  const date = (d: Date) => formatDate(d, fmt.numberLocale, fmt.timeZone);
  const points = (n: number) => formatPoints(n, fmt.numberLocale);
  return (
    <Card data-testid="expiry-card">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="space-y-3 px-5 py-4 text-sm">
        {detail.expiry ? <p className="text-xs text-ink-subtle" data-testid="expiry-policy">{policyText(detail.expiry, t)}</p> : null}
        {next ? (
          <p className="font-medium text-ink" data-testid="next-expiry">{t("next", { points: points(next.points), date: date(next.expiresAt) })}</p>
        ) : detail.inactivityLapse ? null : (
          <p className="text-ink-muted">{t("none")}</p>
        )}
        {detail.inactivityLapse ? (
          <p className="font-medium text-ink" data-testid="inactivity-lapse">{t("inactivity", { points: points(detail.inactivityLapse.points), date: date(detail.inactivityLapse.at) })}</p>
        ) : null}
      </div>
      {detail.openLots.length ? (
        <div className="overflow-x-auto border-t border-line">
          <table className="w-full text-left text-sm" data-testid="open-lots">
            <caption className="px-5 pt-3 text-left text-xs font-medium text-ink-muted">{t("lots")}</caption>
            <thead className="text-xs text-ink-subtle">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">{t("lot.points")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("lot.state")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("lot.earned")}</th>
                <th scope="col" className="px-5 py-2 font-medium">{t("lot.expires")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {detail.openLots.slice(0, SHOWN_LOTS).map((lot) => (
                <tr key={lot.id}>
                  <td className="px-5 py-2 font-medium text-ink tabular-nums">{points(lot.remaining)}</td>
                  <td className="px-3 py-2 text-ink-muted">{lot.state === "pending" && lot.pendingUntil ? t("pendingUntil", { date: date(lot.pendingUntil) }) : t("available")}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-ink-muted">{date(lot.createdAt)}</td>
                  <td className="px-5 py-2 whitespace-nowrap text-ink">{lot.expiresAt ? date(lot.expiresAt) : t("never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {detail.openLots.length > SHOWN_LOTS ? <p className="px-5 pb-3 text-xs text-ink-subtle">{t("moreLots", { count: SHOWN_LOTS })}</p> : null}
        </div>
      ) : null}
    </Card>
  );
}
