import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { numberLocale } from "@/lib/format";
import { DeskRefusal } from "../_components/sales/desk-refusal";
import { ReturnDesk } from "./_components/return-desk";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DeskReturn");
  return { title: t("title") };
}

type ReturnsPageProps = { params: Promise<{ storeId: string }> };

/** Returns at this counter: find the purchase by its reference, choose what comes back, preview the points, confirm. */
export default async function DeskReturnsPage({ params }: ReturnsPageProps) {
  const { storeId } = await params;
  const [t, locale, here] = await Promise.all([getTranslations("DeskReturn"), getLocale(), loadDeskStore(storeId)]);
  if (!here) return null;
  // The program's id and organization are all `can` needs; the service checks again on every call.
  if (!can(here.actor, "points:refund", here.desk.program, storeId)) return <DeskRefusal title={t("refused")} />;
  return (
    <div className="space-y-6">
      <div className="print:hidden">
        <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      </div>
      <ReturnDesk storeId={storeId} uiLocale={numberLocale(locale)} />
    </div>
  );
}
