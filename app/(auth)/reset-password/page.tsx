import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell, BackToSignInLink } from "@/components/shell/auth-shell";
import { ButtonLink } from "@/components/ui/button";
import { ResetPasswordForm } from "./_components/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ResetPassword");
  // The token is in this page's URL: never send it on as a Referer.
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type ResetPasswordPageProps = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("ResetPassword")]);
  const back = <BackToSignInLink label={t("back")} />;
  if (typeof token !== "string" || token.length < 20) {
    return (
      <AuthShell icon="alert" title={t("missingTitle")} subtitle={t("missing")} footer={back}>
        <ButtonLink href="/forgot-password" className="w-full">
          {t("requestNew")}
        </ButtonLink>
      </AuthShell>
    );
  }
  return (
    <AuthShell icon="idCard" title={t("title")} subtitle={t("subtitle")} footer={back}>
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
