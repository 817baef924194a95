import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/shell/auth-shell";
import type { FormState } from "@/components/forms/form-state";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("metaTitle") };
}

const NOTICES = { "password-reset": "passwordReset", "signed-out": "signedOut", "signed-out-everywhere": "signedOutEverywhere" } as const;

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string | string[]; notice?: string | string[] }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const [params, t] = await Promise.all([searchParams, getTranslations("SignIn")]);
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const noticeKey = typeof params.notice === "string" && params.notice in NOTICES ? NOTICES[params.notice as keyof typeof NOTICES] : undefined;
  const notice: FormState["message"] = noticeKey ? { tone: "success", text: t(`notices.${noticeKey}`) } : undefined;
  return (
    <AuthShell
      icon="users"
      eyebrow={t("eyebrow")}
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("memberPrompt")}{" "}
          <Link href="/me/sign-in" className="font-medium text-brand-700 hover:underline">
            {t("memberLink")}
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} notice={notice} />
    </AuthShell>
  );
}
