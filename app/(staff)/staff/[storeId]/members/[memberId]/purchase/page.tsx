import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currencyDigits } from "@/lib/domain/money";
import { numberLocale } from "@/lib/format";
import { DeskRefusal } from "../../../_components/sales/desk-refusal";
import { SaleMemberStrip } from "../../../_components/sales/sale-member-strip";
import { loadSaleMember } from "../../../_lib/load-sale-member";
import { PurchaseDesk } from "./_components/purchase-desk";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DeskPurchase");
  return { title: t("title") };
}

type PurchasePageProps = { params: Promise<{ storeId: string; memberId: string }> };

/** Record a purchase for a member at this counter: type, preview the points, confirm, receipt. */
export default async function DeskPurchasePage({ params }: PurchasePageProps) {
  const { storeId, memberId } = await params;
  const [t, locale, loaded] = await Promise.all([getTranslations("DeskPurchase"), getLocale(), loadSaleMember(storeId, memberId)]);
  if (loaded.kind === "no-store") return null;
  const searchHref = `/staff/${storeId}`;
  if (loaded.kind === "not-found") {
    return (
      <EmptyState icon="search" title={t("memberNotFound")} action={<ButtonLink href={searchHref} size="lg">{t("back")}</ButtonLink>}>
        <p>{t("memberNotFoundBody")}</p>
      </EmptyState>
    );
  }
  const backHref = `/staff/${storeId}/members/${memberId}`;
  if (loaded.kind === "forbidden" || !loaded.info.may.earn) return <DeskRefusal title={t("refused")} action={<ButtonLink href={searchHref} size="lg" variant="secondary">{t("back")}</ButtonLink>} />;
  const { info } = loaded;
  return (
    <div className="space-y-6">
      <div className="print:hidden">
        <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      </div>
      <SaleMemberStrip info={info} backHref={backHref} />
      <PurchaseDesk
        storeId={storeId}
        memberId={memberId}
        currency={info.program.currency}
        digits={currencyDigits(info.program.currency)}
        locale={numberLocale(locale, info.program.locale)}
        timeZone={info.program.timeZone}
        backHref={backHref}
      />
    </div>
  );
}
