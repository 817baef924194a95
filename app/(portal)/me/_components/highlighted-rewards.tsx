import Link from "@/components/link";
import { useLocale, useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { MemberRewardView } from "@/lib/services/rewards/list-rewards";

/** A few rewards this member may redeem, those within reach first. */
export function HighlightedRewards({ rewards, available, numberLocale }: { rewards: MemberRewardView[]; available: number; numberLocale: string }) {
  const t = useTranslations("MyHome.rewards");
  const locale = useLocale();
  if (rewards.length === 0) return null;
  return (
    <section aria-labelledby="rewards-title" className="rounded-card border border-line bg-surface shadow-card" data-testid="highlighted-rewards">
      <header className="flex items-center gap-3 border-b border-line px-5 py-4">
        <Icon name="gift" className="size-5 text-brand-600" />
        <h2 id="rewards-title" className="text-base font-semibold text-ink">{t("title")}</h2>
        <Link href="/me/rewards" className="ml-auto text-sm font-medium text-brand-700 hover:underline" data-testid="rewards-see-all">
          {t("seeAll")}
        </Link>
      </header>
      <ul className="divide-y divide-line">
        {rewards.map((reward) => (
          <li key={reward.id} className="flex items-center justify-between gap-3 px-5 py-3" data-testid="highlighted-reward">
            <div className="min-w-0">
              <p className="font-medium text-ink">{localizedText(reward.name, locale)}</p>
              <p className="text-xs text-ink-muted">{t("price", { points: formatPoints(reward.price, numberLocale) })}</p>
            </div>
            <span className={reward.affordable ? "shrink-0 rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-800" : "shrink-0 text-xs text-ink-muted"}>
              {reward.affordable ? t("ready") : t("missing", { points: formatPoints(reward.price - available, numberLocale) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
