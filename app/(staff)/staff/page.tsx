import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadDeskContext } from "@/app/_data/desk-context";
import { StorePicker } from "./_components/store-picker";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Surfaces");
  return { title: t("staff") };
}

/** Where the desk starts: pick the store you work at today (straight in when there is only one). */
export default async function StaffHomePage() {
  const { desk } = await loadDeskContext();
  // The layout shows "no access" instead of this page.
  if (!desk) return null;
  if (desk.stores.length === 1) redirect(`/staff/${desk.stores[0]!.id}`);
  return <StorePicker stores={desk.stores} unknownStore={false} />;
}
