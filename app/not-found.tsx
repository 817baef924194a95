import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <StatusPage
      icon="compass"
      brand={t("Common.brand")}
      eyebrow={t("NotFound.code")}
      title={t("NotFound.title")}
      body={t("NotFound.body")}
      actions={
        <ButtonLink href="/">
          <Icon name="arrowLeft" className="size-4" />
          {t("Common.backHome")}
        </ButtonLink>
      }
    />
  );
}
