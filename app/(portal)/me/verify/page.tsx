import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadPortalProgram } from "@/app/_data/portal-program";
import { NoProgram } from "@/components/shell/no-program";
import { Icon } from "@/components/ui/icons";
import { MemberAuthCard } from "../_components/member-auth-card";
import { param, portalHref } from "../_lib/portal-params";
import { VerifyCodeForm } from "./_components/verify-code-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MemberVerify");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MemberVerifyPage({ searchParams }: Props) {
  const params = await searchParams;
  const [email, slug, callbackUrl] = [param(params.email), param(params.program), param(params.callbackUrl)];
  if (!email) redirect(portalHref("/me/sign-in", { program: slug, callbackUrl }));
  const [portal, t] = await Promise.all([loadPortalProgram(undefined, slug), getTranslations("MemberVerify")]);
  if (!portal) return <NoProgram />;
  return (
    <MemberAuthCard
      icon="sparkles"
      programName={portal.program.name}
      title={t("title")}
      subtitle={<p data-testid="code-sent">{t("sent", { email })}</p>}
      footer={
        <Link href={portalHref("/me/sign-in", { program: slug, callbackUrl, email })} className="inline-flex items-center gap-1.5 font-medium text-brand-700 hover:underline">
          <Icon name="arrowLeft" className="size-4" />
          {t("changeEmail")}
        </Link>
      }
    >
      <VerifyCodeForm email={email} program={slug} callbackUrl={callbackUrl} />
    </MemberAuthCard>
  );
}
