import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate, formatDateTime, formatMoney, formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { MemberDetail } from "@/lib/services/members/get-member-detail";

type Fmt = { locale: string; numberLocale: string; timeZone: string; now: Date };

/** The tier held (by points, spend or by hand), the way to the next one — in money when the plan qualifies by spend — and every change with its reason. */
export function TierCard({ detail, fmt }: { detail: MemberDetail; fmt: Fmt }) {
  const t = useTranslations("MemberDetail");
  const name = (key: string | null) => {
    if (!key) return t("tier.none");
    const tier = detail.tiers.find((x) => x.key === key);
    return tier ? localizedText(tier.name, fmt.locale) : key;
  };
  const { progress } = detail;
  const bySpend = detail.metric === "spend";
  const money = (minor: number) => formatMoney(minor, detail.currency, fmt.numberLocale);
  const override = detail.member.tierOverrideUntil && detail.member.tierOverrideUntil > fmt.now ? detail.member.tierOverrideUntil : null;
  return (
    <Card data-testid="tier-card">
      <CardHeader title={t("tier.title")} />
      <div className="space-y-3 px-5 py-4 text-sm">
        {detail.tiers.length === 0 ? (
          <p className="text-ink-muted">{t("tier.noTiers")}</p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="brand" className="text-sm" data-testid="member-tier">{name(detail.member.tierKey)}</Badge>
              {override ? <Badge tone="accent" data-testid="tier-override">{t("tier.override", { date: formatDate(override, fmt.numberLocale, "UTC") })}</Badge> : null}
            </div>
            <div>
              <div className="h-2 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress.ratio * 100)} aria-label={t("tier.title")}>
                <div className="h-full rounded-full bg-brand-500" style={{ width: `${Math.round(progress.ratio * 100)}%` }} />
              </div>
              <p className="mt-2 text-ink">
                {!progress.next
                  ? t("tier.top")
                  : progress.missing > 0
                    ? bySpend
                      ? t("tier.toNextSpend", { amount: money(progress.missing), tier: localizedText(progress.next.name, fmt.locale) })
                      : t("tier.toNext", { points: formatPoints(progress.missing, fmt.numberLocale), tier: localizedText(progress.next.name, fmt.locale) })
                    : t("tier.qualifiesNext", { tier: localizedText(progress.next.name, fmt.locale) })}
              </p>
              <p className="text-xs text-ink-subtle" data-testid="tier-qualifying">
                {bySpend ? t("tier.qualifyingSpend", { amount: money(detail.qualifying) }) : t("tier.qualifying", { points: formatPoints(detail.qualifying, fmt.numberLocale) })}
              </p>
            </div>
          </>
        )}
      </div>
      <div className="border-t border-line px-5 py-4">
        <h3 className="text-sm font-semibold text-ink">{t("tierHistory.title")}</h3>
        {detail.tierHistory.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">{t("tierHistory.empty")}</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm" data-testid="tier-history">
            {detail.tierHistory.map((h) => {
              const manual = h.reason.startsWith("override:");
              const reason = manual ? "override" : h.reason === "qualified" || h.reason === "review" ? h.reason : null;
              return (
                <li key={h.id} className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4" data-testid="tier-history-row">
                  <span className="text-ink">
                    <span className="font-medium">{t("tierHistory.change", { from: name(h.fromTier), to: name(h.toTier) })}</span>
                    <span className="text-ink-muted"> · {reason ? t(`tierHistory.reasons.${reason}`) : h.reason}{manual ? `: ${h.reason.slice("override:".length).trim()}` : ""}</span>
                  </span>
                  <time className="shrink-0 text-xs text-ink-subtle" dateTime={h.createdAt.toISOString()}>{formatDateTime(h.createdAt, fmt.numberLocale, fmt.timeZone)}</time>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </Card>
  );
}
