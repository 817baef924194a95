import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/shell/auth-shell";
import { Icon } from "@/components/ui/icons";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ForgotPassword");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  return (
    <AuthShell
      icon="info"
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <Link href="/sign-in" className="inline-flex items-center gap-1.5 font-medium text-brand-700 hover:underline">
          <Icon name="arrowLeft" className="size-4" />
          {t("back")}
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthShell>
  );
}
