import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell, BackToSignInLink } from "@/components/shell/auth-shell";
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
      footer={<BackToSignInLink label={t("back")} />}
    >
      <ForgotPasswordForm />
    </AuthShell>
  );
}
