import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { QrCode } from "@/components/ui/qr-code";
import { requireMember } from "@/lib/auth/session";
import { formatDate, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listMyCoupons } from "@/lib/services/coupons/list-coupons";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { BackHome } from "../_components/back-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyCoupons"))("title") };
}

/** Member-only: their own coupons (listMyCoupons authorizes "self"); usable ones first, with a QR to show at the counter. */
export default async function MyCouponsPage() {
  const actor = await requireMember("/me/coupons");
  const db = await getAppDb();
  const [t, locale, clock, coupons] = await Promise.all([getTranslations("MyCoupons"), getLocale(), getProgramClock(db, actor.programId), listMyCoupons(db, actor, { programId: actor.programId, memberId: actor.memberId })]);
  const nl = numberLocale(locale, clock.locale);
  const day = (iso: string) => formatDate(iso, nl, clock.timeZone);
  const ordered = [...coupons.filter((c) => c.status === "issued"), ...coupons.filter((c) => c.status !== "issued")];

  return (
    <div className="space-y-5">
      <BackHome label={(await getTranslations("MemberHistory"))("back")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("description")}</p>
      </div>
      {ordered.length === 0 ? (
        <EmptyState icon="gift" title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="my-coupons">
          {ordered.map((c) => (
            <li key={c.id} className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="my-coupon" data-status={c.status}>
              <div className="flex items-start justify-between gap-3">
                <p className="font-semibold text-ink">{c.reward ? localizedText(c.reward.name, locale) : c.code}</p>
                <Badge tone={c.status === "issued" ? "brand" : "neutral"}>{t(`statuses.${c.status}`)}</Badge>
              </div>
              {c.status === "issued" ? (
                <div className="mt-4 flex flex-col items-center gap-2">
                  <QrCode value={c.code} label={t("qrLabel", { code: c.code })} size={176} />
                  <p className="font-mono text-lg font-semibold tracking-wider text-ink" data-testid="coupon-code">
                    {c.code}
                  </p>
                </div>
              ) : (
                <p className="mt-2 font-mono text-sm text-ink-muted line-through">{c.code}</p>
              )}
              {c.partnerCode ? <p className="mt-2 text-sm text-ink">{t("partnerCode", { code: c.partnerCode })}</p> : null}
              {c.usedAt ? <p className="mt-2 text-xs text-ink-subtle">{t("used", { date: day(c.usedAt) })}</p> : null}
              {c.status === "issued" && c.expiresAt ? <p className="mt-2 text-xs text-ink-subtle">{t("expires", { date: day(c.expiresAt) })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
