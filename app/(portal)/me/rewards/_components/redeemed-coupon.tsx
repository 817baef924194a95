import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { QrCode } from "@/components/ui/qr-code";

/** The success view after a redemption: the coupon to show at the counter, its expiry, and the way to all coupons. */
export async function RedeemedCoupon({ code, rewardName, expires, partnerCode }: { code: string; rewardName: string; expires: string | null; partnerCode: string | null }) {
  const t = await getTranslations("MyRewards.success");
  return (
    <section aria-labelledby="redeemed-title" className="rounded-card border border-brand-200 bg-surface p-6 text-center shadow-card" data-testid="redeemed-coupon">
      <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <Icon name="gift" className="size-6" />
      </span>
      <h2 id="redeemed-title" className="mt-3 text-xl font-semibold text-ink">{t("title")}</h2>
      <p className="mt-1 text-sm text-ink-muted">{t("body", { reward: rewardName })}</p>
      <div className="mt-5 flex flex-col items-center gap-2">
        <QrCode value={code} label={t("qrLabel", { code })} size={200} />
        <p className="font-mono text-xl font-semibold tracking-wider text-ink" data-testid="redeemed-code">{code}</p>
        {partnerCode ? <p className="text-sm text-ink">{t("partnerCode", { code: partnerCode })}</p> : null}
        {expires ? <p className="text-sm text-ink-muted" data-testid="redeemed-expires">{t("expires", { date: expires })}</p> : null}
      </div>
      <div className="mt-6 flex flex-col gap-3">
        <Link href="/me/coupons" className={buttonClasses("primary")} data-testid="to-coupons">{t("toCoupons")}</Link>
        <Link href="/me/rewards" className={buttonClasses("ghost")}>{t("more")}</Link>
      </div>
    </section>
  );
}
