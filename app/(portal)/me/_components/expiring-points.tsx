import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { formatDate, formatPoints } from "@/lib/format";
import type { MyHome } from "@/lib/services/members/get-my-home";

type ExpiringPointsProps = { expiring: MyHome["expiring"]; numberLocale: string; timeZone: string };

/** Points that lapse soon, with their exact dates and amounts (one line per expiry). */
export function ExpiringPoints({ expiring, numberLocale, timeZone }: ExpiringPointsProps) {
  const t = useTranslations("MyHome.expiring");
  return (
    <section aria-labelledby="expiring-title" className="rounded-card border border-line bg-surface shadow-card" data-testid="expiring-points">
      <header className="flex items-center gap-3 border-b border-line px-5 py-4">
        <Icon name="clock" className="size-5 text-accent-700" />
        <div>
          <h2 id="expiring-title" className="text-base font-semibold text-ink">{t("title")}</h2>
          <p className="text-xs text-ink-muted">{t("description", { days: expiring.withinDays })}</p>
        </div>
      </header>
      {expiring.lots.length === 0 ? (
        <p className="px-5 py-4 text-sm text-ink-muted" data-testid="expiring-none">{t("none", { days: expiring.withinDays })}</p>
      ) : (
        <>
          <p className="px-5 pt-4 text-sm font-medium text-ink" data-testid="expiring-total">{t("total", { points: formatPoints(expiring.total, numberLocale) })}</p>
          <ul className="divide-y divide-line px-5">
            {expiring.lots.map((lot) => (
              <li key={lot.expiresAt} className="flex items-center justify-between gap-3 py-3" data-testid="expiring-lot">
                <span className="text-sm text-ink-muted">
                  <time dateTime={lot.expiresAt}>{t("on", { date: formatDate(lot.expiresAt, numberLocale, timeZone) })}</time>
                </span>
                <span className="font-semibold text-accent-700 tabular-nums">{formatPoints(lot.points, numberLocale)}</span>
              </li>
            ))}
          </ul>
          <p className="border-t border-line px-5 py-3 text-xs text-ink-subtle">{t("hint")}</p>
        </>
      )}
    </section>
  );
}
