import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { classifyMemberQuery } from "@/lib/domain/desk/classify-member-query";
import { EnrolForm } from "./_components/enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("DeskEnrol"))("title") };
}

type EnrolPageProps = { params: Promise<{ storeId: string }>; searchParams: Promise<{ q?: string | string[] }> };

/** Enrol on the spot; what the cashier searched for (an email, a phone or a name) is already filled in. */
export default async function DeskEnrolPage({ params, searchParams }: EnrolPageProps) {
  const [{ storeId }, { q }] = await Promise.all([params, searchParams]);
  const here = await loadDeskStore(storeId);
  if (!here) return null;
  const t = await getTranslations("DeskEnrol");
  const query = classifyMemberQuery(typeof q === "string" ? q : "");
  const defaults = {
    name: query.kind === "name" ? titleCase(query.text) : "",
    email: query.kind === "email" ? query.email : "",
    phone: query.kind === "phone" ? query.digits : "",
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="p-5 sm:p-8">
        <EnrolForm storeId={storeId} defaults={defaults} />
      </Card>
    </div>
  );
}

/** "ana lópez" → "Ana López": the search box is lower-cased, a name should not be. */
function titleCase(text: string): string {
  return text.replace(/(^|[\s'-])(\p{L})/gu, (_, start: string, letter: string) => start + letter.toUpperCase());
}
