import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/button";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getDeskRedeemContext, type DeskRedeemContext } from "@/lib/services/desk/desk-redemption";
import { RedeemDesk } from "./_components/redeem-desk";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DeskRedeem");
  return { title: t("eyebrow") };
}

type DeskRedeemPageProps = { params: Promise<{ storeId: string; memberId: string }> };

/** Redeem for one member: a reward they may take now, or points as payment (hold → capture / void). */
export default async function DeskRedeemPage({ params }: DeskRedeemPageProps) {
  const { storeId, memberId } = await params;
  const here = await loadDeskStore(storeId);
  if (!here) return null;
  const [t, locale] = await Promise.all([getTranslations("DeskRedeem"), getLocale()]);
  let context: DeskRedeemContext | null = null;
  try {
    context = await getDeskRedeemContext(await getAppDb(), here.actor, { programId: here.desk.program.id, storeId: here.store.id, memberId });
  } catch (error) {
    if (!isLazoError(error) || error.status >= 500) throw error;
  }
  if (!context) {
    const e = await getTranslations("DeskRedeemErrors");
    return (
      <div data-access="denied">
        <EmptyState icon="users" title={e("not_found")} action={<ButtonLink href={`/staff/${storeId}`} size="lg">{t("back")}</ButtonLink>} />
      </div>
    );
  }
  return <RedeemDesk storeId={here.store.id} context={context} uiLocale={locale} />;
}
