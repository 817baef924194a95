import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadDeskContext } from "@/app/_data/desk-context";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { MemberSearch } from "./_components/member-search";
import { StorePicker } from "./_components/store-picker";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Surfaces");
  return { title: t("staff") };
}

type StaffPageProps = { searchParams: Promise<{ store?: string | string[] }> };

export default async function StaffHomePage({ searchParams }: StaffPageProps) {
  const { desk } = await loadDeskContext();
  // The layout shows "no access" instead of this page.
  if (!desk) return null;
  const { store: storeParam } = await searchParams;
  const storeId = typeof storeParam === "string" ? storeParam : undefined;
  // Only stores this user may work at count; any other id (another program's, a store not assigned) is "no store".
  const store = desk.stores.find((candidate) => candidate.id === storeId);

  if (!store) return <StorePicker stores={desk.stores} unknownStore={storeId !== undefined} />;

  const t = await getTranslations("Staff");
  return (
    <div className="space-y-6">
      <MemberSearch storeId={store.id} />
      <ButtonLink href="/staff" variant="secondary" size="lg">
        <Icon name="arrowLeft" className="size-5" />
        {t("changeStore")}
      </ButtonLink>
    </div>
  );
}
