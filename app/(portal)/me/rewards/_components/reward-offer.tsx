import { useLocale, useTranslations } from "next-intl";
import { RewardTargetNote } from "@/components/rewards/reward-target-note";
import { formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { MemberRewardOffer } from "@/lib/services/rewards/list-member-reward-menus";
import { RedeemButton } from "./redeem-button";

/** One reward as the member sees it: their price, what is left, the limits; redeemable only when affordable. */
export function RewardOffer({ reward, available, numberLocale }: { reward: MemberRewardOffer; available: number; numberLocale: string }) {
  const t = useTranslations("MyRewards");
  const locale = useLocale();
  const name = localizedText(reward.name, locale);
  const points = (n: number) => t("points", { points: formatPoints(n, numberLocale) });
  const terms = [
    reward.stock !== null ? t("stock", { count: reward.stock }) : null,
    reward.perMemberLimit !== null ? t("perMember", { count: reward.perMemberLimit }) : null,
    reward.periodLimit ? t("perPeriod", { count: reward.periodLimit.count, days: reward.periodLimit.days }) : null,
  ].filter((term): term is string => term !== null);
  return (
    <li className="overflow-hidden rounded-card border border-line bg-surface shadow-card" data-testid="reward-offer" data-affordable={reward.affordable}>
      {reward.imageUrl ? (
        // Images come from the program's own settings (any host), so a plain img rather than next/image's allow-list.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={reward.imageUrl} alt="" className="h-36 w-full object-cover" />
      ) : null}
      <div className="space-y-3 p-5">
        <div className="flex items-start justify-between gap-3">
          <h3 className="font-semibold text-ink">{name}</h3>
          <span className="shrink-0 rounded-full bg-brand-50 px-2.5 py-1 text-sm font-semibold text-brand-800" data-testid="reward-price">
            {points(reward.price)}
          </span>
        </div>
        {reward.description ? <p className="text-sm text-ink-muted">{localizedText(reward.description, locale)}</p> : null}
        <RewardTargetNote target={reward.target} />
        {terms.length > 0 ? (
          <ul className="flex flex-wrap gap-2 text-xs text-ink-muted">
            {terms.map((term) => (
              <li key={term} className="rounded-full border border-line px-2.5 py-0.5">{term}</li>
            ))}
          </ul>
        ) : null}
        {reward.affordable ? (
          <RedeemButton rewardId={reward.id} rewardName={name} price={points(reward.price)} balanceAfter={points(available - reward.price)} />
        ) : (
          <div className="space-y-2">
            <button type="button" disabled className="w-full cursor-not-allowed rounded-control border border-line bg-surface-muted px-4 py-2.5 text-sm font-medium text-ink-muted" data-testid="redeem-disabled">
              {t("confirm.start")}
            </button>
            <p className="text-center text-sm text-ink-muted" data-testid="reward-missing">{t("missing", { points: formatPoints(reward.price - available, numberLocale) })}</p>
          </div>
        )}
      </div>
    </li>
  );
}
