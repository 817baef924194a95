import { useLocale, useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { formatDate, formatMoney, formatPoints } from "@/lib/format";
import type { TierStanding } from "@/lib/domain/members/member-home";
import { localizedText } from "@/lib/localized-text";

type TierCardProps = { standing: TierStanding; currency: string; numberLocale: string; timeZone: string };

/**
 * The member's tier, a progress bar to the next one, and what keeps the current
 * one at the next review — in points, or in money when the plan qualifies by spend.
 */
export function TierCard({ standing, currency, numberLocale, timeZone }: TierCardProps) {
  const t = useTranslations("MyHome.tier");
  const locale = useLocale();
  const name = (tier: { name: Parameters<typeof localizedText>[0] } | null) => (tier ? localizedText(tier.name, locale) : t("none"));
  const bySpend = standing.metric === "spend";
  // Spend is in minor units of the program's currency; points are plain numbers.
  const amount = (n: number) => (bySpend ? formatMoney(n, currency, numberLocale) : formatPoints(n, numberLocale));
  const percent = Math.round(standing.ratio * 100);
  const thisYear = standing.window === "calendar_year";
  const qualifying = bySpend
    ? t(thisYear ? "qualifyingSpendYear" : "qualifyingSpend", { amount: amount(standing.qualifying) })
    : t(thisYear ? "qualifyingYear" : "qualifying", { points: amount(standing.qualifying) });
  return (
    <section aria-labelledby="my-tier-title" className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="tier-card">
      <div className="flex items-center gap-3">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-accent-100 text-accent-700">
          <Icon name="layers" className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 id="my-tier-title" className="text-xs font-medium text-ink-muted">{t("title")}</h2>
          <p className="text-lg font-semibold text-ink" data-testid="tier-current">{name(standing.current)}</p>
        </div>
      </div>
      {standing.next ? (
        <div className="mt-4">
          <div className="flex items-baseline justify-between text-xs text-ink-muted">
            <span>{name(standing.current)}</span>
            <span>{name(standing.next)}</span>
          </div>
          <div
            role="progressbar"
            aria-label={t("progressLabel", { tier: name(standing.next) })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="mt-1.5 h-3 overflow-hidden rounded-full bg-surface-muted ring-1 ring-line ring-inset"
            data-testid="tier-progress"
          >
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${Math.max(percent, 2)}%` }} />
          </div>
          <p className="mt-2 text-sm text-ink" data-testid="tier-to-next">
            {standing.missing > 0
              ? t(bySpend ? "toNextSpend" : "toNext", { missing: amount(standing.missing), tier: name(standing.next) })
              : t(bySpend ? "reachedNextSpend" : "reachedNext", { tier: name(standing.next) })}
          </p>
        </div>
      ) : (
        <p className="mt-4 text-sm text-ink" data-testid="tier-to-next">{t("top")}</p>
      )}
      <p className="mt-1 text-xs text-ink-subtle" data-testid="tier-qualifying">{qualifying}</p>
      {standing.current ? (
        <p className="mt-3 rounded-control bg-surface-muted px-3 py-2 text-sm text-ink-muted" data-testid="tier-keep">
          {!standing.keep
            ? t("keepBase", { tier: name(standing.current) })
            : standing.keep.missing === 0
              ? t("keepSafe", { tier: name(standing.current), date: formatDate(standing.keep.reviewAt, numberLocale, timeZone) })
              : t(bySpend ? "keepMissingSpend" : "keepMissing", { tier: name(standing.current), date: formatDate(standing.keep.reviewAt, numberLocale, timeZone), missing: amount(standing.keep.missing) })}
        </p>
      ) : null}
    </section>
  );
}
