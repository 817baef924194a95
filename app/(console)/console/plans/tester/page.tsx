import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { localTime } from "@/lib/domain/rules/local-time";
import { numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getPlanOverview } from "@/lib/services/plans/get-plan-overview";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { TesterForm } from "../_components/tester-form";
import { TESTER_LINES } from "../_lib/plan-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PlanTester"))("title") };
}

export default async function PlanTesterPage() {
  const actor = await requireUser("/console/plans/tester");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("PlanTester"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getPlanOverview(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { draft, live, options, program: info } = result.data;
  const plan = draft?.definition ?? live?.definition;
  const local = localTime(new Date(), program.timeZone);
  const now = `${local.date}T${String(Math.floor(local.minutes / 60)).padStart(2, "0")}:${String(local.minutes % 60).padStart(2, "0")}`;
  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} actions={<ButtonLink href="/console/plans" variant="secondary">{t("backToPlans")}</ButtonLink>} />
      <div className="mt-8">
        <TesterForm
          options={{
            stores: options.stores.map((s) => ({ value: s.id, label: s.name })),
            tiers: (plan?.tiers ?? []).map((tier) => ({ value: tier.key, label: localizedText(tier.name, locale) })),
            hasDraft: Boolean(draft),
            now,
            currency: info.currency,
            locale: numberLocale(locale, program.locale),
            lines: TESTER_LINES,
          }}
        />
      </div>
    </>
  );
}
