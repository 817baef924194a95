import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadPortalProgram } from "@/app/_data/portal-program";
import { NoProgram } from "@/components/shell/no-program";
import { localizedText } from "@/lib/localized-text";
import { MemberAuthCard } from "../_components/member-auth-card";
import { param, portalHref } from "../_lib/portal-params";
import { JoinForm } from "./_components/join-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Join");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JoinPage({ searchParams }: Props) {
  const query = await searchParams;
  const slug = param(query.program);
  const [portal, t, locale] = await Promise.all([loadPortalProgram(undefined, slug), getTranslations("Join"), getLocale()]);
  if (!portal) return <NoProgram />;
  const { program } = portal;
  return (
    <MemberAuthCard
      icon="gift"
      programName={program.name}
      title={t("title", { program: program.name })}
      subtitle={t("subtitle", { pointName: localizedText(program.pointName, locale) })}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href={portalHref("/me/sign-in", { program: slug })} className="font-medium text-brand-700 hover:underline">
            {t("signInLink")}
          </Link>
        </>
      }
    >
      <JoinForm program={slug} referralCode={param(query.ref)} />
    </MemberAuthCard>
  );
}
