import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listMyCoupons } from "@/lib/services/coupons/list-coupons";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { listMemberRewardMenus } from "@/lib/services/rewards/list-member-reward-menus";
import { RedeemedCoupon } from "./_components/redeemed-coupon";
import { RewardOffer } from "./_components/reward-offer";
import { BackHome } from "../_components/back-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyRewards"))("title") };
}

/**
 * Member-only: the rewards they may redeem, by menu, at their tier's price.
 * After a redemption the action comes back here with `?coupon=` and the page
 * shows that coupon (only if it is this member's own and still usable).
 */
export default async function MyRewardsPage({ searchParams }: { searchParams: Promise<{ coupon?: string | string[] }> }) {
  const actor = await requireMember("/me/rewards");
  const db = await getAppDb();
  const self = { programId: actor.programId, memberId: actor.memberId };
  const { coupon: wanted } = await searchParams;
  const [t, locale, clock, offer] = await Promise.all([getTranslations("MyRewards"), getLocale(), getProgramClock(db, actor.programId), listMemberRewardMenus(db, actor, self)]);
  const nl = numberLocale(locale, clock.locale);
  const redeemed = typeof wanted === "string" ? (await listMyCoupons(db, actor, self)).find((c) => c.code === wanted && c.status === "issued") : undefined;

  return (
    <div className="space-y-5">
      <BackHome label={(await getTranslations("MemberHistory"))("back")} />
      {redeemed ? (
        <RedeemedCoupon
          code={redeemed.code}
          rewardName={redeemed.reward ? localizedText(redeemed.reward.name, locale) : redeemed.code}
          expires={redeemed.expiresAt ? formatDate(redeemed.expiresAt, nl, clock.timeZone) : null}
          partnerCode={redeemed.partnerCode}
        />
      ) : null}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("description")}</p>
        <p className="mt-3 text-sm text-ink" data-testid="rewards-balance">{t("balance", { points: formatPoints(offer.available, nl) })}</p>
      </div>
      {/* Keyed by the coupon shown, so a confirmation left open before the redemption closes after it. */}
      <div key={redeemed?.code ?? "offers"} className="space-y-5">
        {offer.groups.length === 0 ? (
          <EmptyState icon="gift" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          offer.groups.map((group) => (
            <section key={group.menu?.id ?? "other"} aria-labelledby={`menu-${group.menu?.id ?? "other"}`} className="space-y-3" data-testid="reward-menu">
              <div>
                <h2 id={`menu-${group.menu?.id ?? "other"}`} className="text-lg font-semibold text-ink">{group.menu ? localizedText(group.menu.name, locale) : t("otherMenu")}</h2>
                {group.menu?.description ? <p className="text-sm text-ink-muted">{localizedText(group.menu.description, locale)}</p> : null}
              </div>
              <ul className="grid gap-4 sm:grid-cols-2">
                {group.rewards.map((reward) => (
                  <RewardOffer key={reward.id} reward={reward} available={offer.available} numberLocale={nl} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </div>
  );
}
