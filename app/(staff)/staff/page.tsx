import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadProgramOverview } from "@/app/_data/program-overview";
import { NoProgram } from "@/components/shell/no-program";
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
  const overview = await loadProgramOverview();
  if (!overview) return <NoProgram />;
  const { store: storeParam } = await searchParams;
  const storeId = typeof storeParam === "string" ? storeParam : undefined;
  // Only stores of this program count; anything else is treated as "no store".
  const store = overview.stores.find((candidate) => candidate.id === storeId);

  if (!store) return <StorePicker stores={overview.stores} unknownStore={storeId !== undefined} />;

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
