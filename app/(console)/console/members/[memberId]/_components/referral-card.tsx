import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import type { MemberReferrals } from "@/lib/services/referrals/get-member-referrals";

/** Who referred this member (and how that referral stands), the member's own code and how many friends they referred. */
export function ReferralCard({ referrals }: { referrals: MemberReferrals }) {
  const t = useTranslations("MemberReferrals");
  const { referredBy, referred } = referrals;
  return (
    <Card data-testid="member-referrals">
      <CardHeader title={t("title")} />
      <dl className="space-y-3 px-5 py-4 text-sm">
        <div>
          <dt className="text-ink-subtle">{t("referredBy")}</dt>
          <dd className="mt-0.5 text-ink" data-testid="member-referred-by">
            {referredBy ? (
              <>
                <Link href={`/console/members/${referredBy.memberId}`} className="font-medium text-brand-700 hover:underline">
                  {referredBy.name ?? referredBy.cardNumber}
                </Link>{" "}
                <span className="text-ink-muted">· {t(`status.${referredBy.status}`)}</span>
              </>
            ) : (
              <span className="text-ink-muted">{t("nobody")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-ink-subtle">{t("code")}</dt>
          <dd className="mt-0.5 font-mono text-ink">{referrals.referralCode ?? t("noCode")}</dd>
        </div>
        <div>
          <dt className="text-ink-subtle">{t("referred")}</dt>
          <dd className="mt-0.5 text-ink" data-testid="member-referred-count">
            {referred.total === 0 ? t("referredNone") : t("referredCount", { total: referred.total, rewarded: referred.rewarded, pending: referred.pending, notRewarded: referred.not_rewarded })}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
