import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { PageHeader } from "@/components/ui/page-header";
import { getAppDb } from "@/lib/server/app-database";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { CouponDesk } from "./_components/coupon-desk";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DeskCoupons");
  return { title: t("title") };
}

type DeskCouponsPageProps = { params: Promise<{ storeId: string }> };

/** The coupon box: type or scan a code, see what it is, redeem it once. (The layout has checked the store.) */
export default async function DeskCouponsPage({ params }: DeskCouponsPageProps) {
  const { storeId } = await params;
  const here = await loadDeskStore(storeId);
  if (!here) return null;
  const [t, locale, clock] = await Promise.all([getTranslations("DeskCoupons"), getLocale(), getProgramClock(await getAppDb(), here.desk.program.id)]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <CouponDesk storeId={here.store.id} uiLocale={locale} programLocale={clock.locale} timeZone={clock.timeZone} />
    </div>
  );
}
