import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DeskRefusal } from "../../../_components/sales/desk-refusal";
import { SaleMemberStrip } from "../../../_components/sales/sale-member-strip";
import { loadSaleMember } from "../../../_lib/load-sale-member";
import { AdjustForm } from "./_components/adjust-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DeskAdjust");
  return { title: t("title") };
}

type AdjustPageProps = { params: Promise<{ storeId: string; memberId: string }> };

/** Manual points adjustment at the counter: only with points:adjust (store leads, admins); others are told plainly. */
export default async function DeskAdjustPage({ params }: AdjustPageProps) {
  const { storeId, memberId } = await params;
  const [t, tPurchase, tSales, loaded] = await Promise.all([getTranslations("DeskAdjust"), getTranslations("DeskPurchase"), getTranslations("DeskSales"), loadSaleMember(storeId, memberId)]);
  if (loaded.kind === "no-store") return null;
  const backHref = `/staff/${storeId}/members/${memberId}`;
  if (loaded.kind === "not-found") {
    return (
      <EmptyState icon="search" title={tPurchase("memberNotFound")} action={<ButtonLink href={`/staff/${storeId}`} size="lg">{tSales("backToMember")}</ButtonLink>}>
        <p>{tPurchase("memberNotFoundBody")}</p>
      </EmptyState>
    );
  }
  if (loaded.kind === "forbidden" || !loaded.info.may.adjust) {
    return (
      <DeskRefusal title={t("deniedTitle")} action={<ButtonLink href={backHref} size="lg" variant="secondary">{tSales("backToMember")}</ButtonLink>}>
        <p>{t("deniedBody")}</p>
      </DeskRefusal>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <SaleMemberStrip info={loaded.info} backHref={backHref} />
      <AdjustForm storeId={storeId} memberId={memberId} idempotencyKey={randomUUID()} backHref={backHref} />
    </div>
  );
}
