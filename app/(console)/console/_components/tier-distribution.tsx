import { useLocale, useTranslations } from "next-intl";
import type { ProgramOverview } from "@/app/_data/program-overview";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatCount, formatPercent, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";

// Tiers climb in brand intensity so the ladder reads at a glance.
const barColors = ["bg-brand-300", "bg-brand-400", "bg-brand-500", "bg-brand-600", "bg-brand-700", "bg-brand-800"];

type TierDistributionProps = { overview: ProgramOverview };

export function TierDistribution({ overview }: TierDistributionProps) {
  const t = useTranslations("Console.home.tiers");
  const locale = useLocale();
  const nl = numberLocale(locale, overview.program.locale);
  const total = overview.tiers.reduce((sum, tier) => sum + tier.members, 0);

  return (
    <Card className="lg:col-span-2" data-testid="tier-distribution">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {overview.tiers.length === 0 ? (
          <p className="py-6 text-center text-sm text-ink-subtle">{t("empty")}</p>
        ) : (
          <ul className="space-y-5 py-1">
            {overview.tiers.map((tier, index) => {
              const share = total > 0 ? tier.members / total : 0;
              return (
                <li key={tier.key}>
                  <div className="flex items-baseline justify-between gap-4 text-sm">
                    <span className="font-medium text-ink">{localizedText(tier.name, locale)}</span>
                    <span className="text-ink-muted tabular-nums">
                      {t("members", { count: tier.members, formatted: formatCount(tier.members, nl) })}
                      <span className="ml-2 inline-block w-12 text-right font-medium text-ink">
                        {formatPercent(share, nl)}
                      </span>
                    </span>
                  </div>
                  <div className="mt-2 h-2.5 overflow-hidden rounded-full bg-surface-muted">
                    <div
                      className={`h-full rounded-full ${barColors[index % barColors.length] ?? "bg-brand-500"}`}
                      style={{ width: `${Math.max(share * 100, share > 0 ? 1 : 0)}%` }}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
