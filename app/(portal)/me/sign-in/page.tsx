import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { loadPortalProgram } from "@/app/_data/portal-program";
import { NoProgram } from "@/components/shell/no-program";
import { MemberAuthCard } from "../_components/member-auth-card";
import { param, portalHref } from "../_lib/portal-params";
import { RequestCodeForm } from "./_components/request-code-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MemberSignIn");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MemberSignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const [slug, callbackUrl] = [param(params.program), param(params.callbackUrl)];
  const [portal, t] = await Promise.all([loadPortalProgram(undefined, slug), getTranslations("MemberSignIn")]);
  if (!portal) return <NoProgram />;
  const deleted = params.notice === "account-deleted" ? await getTranslations("MemberDeleted") : null;
  const notice = deleted
    ? ({ tone: "success", text: `${deleted("title")}. ${deleted("body")}` } as const)
    : params.notice === "signed-out"
      ? ({ tone: "success", text: t("signedOut") } as const)
      : undefined;
  return (
    <MemberAuthCard
      icon="idCard"
      programName={portal.program.name}
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("joinPrompt")}{" "}
          <Link href={portalHref("/me/join", { program: slug })} className="font-medium text-brand-700 hover:underline">
            {t("joinLink")}
          </Link>
        </>
      }
    >
      <RequestCodeForm program={slug} callbackUrl={callbackUrl} email={param(params.email)} notice={notice} />
    </MemberAuthCard>
  );
}
