import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { localizedText } from "@/lib/localized-text";
import { AccessDenied } from "../../../_components/access-denied";
import { getConsoleProgramFor } from "../../../_lib/console-program";
import { RuleForm } from "../../_components/rule-form";
import { RulesHelp } from "../../_components/rules-help";
import { categoryHint, loadDraft } from "../../_lib/load-draft";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PlanEditor.rule"))("title") };
}

/** Add a rule (no id) or edit the draft's rule `?id=`. */
export default async function PlanRulePage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const actor = await requireUser("/console/plans/draft/rule");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, te, locale, { id }] = await Promise.all([getTranslations("PlanEditor.rule"), getTranslations("PlanEditor"), getLocale(), searchParams]);
  const result = await loadDraft(actor, program.id);
  if (!result.allowed) return <AccessDenied />;
  const { definition, overview, digits } = result.data;
  const rule = id ? (definition.rules ?? []).find((r) => r.id === id) : null;
  if (id && !rule) notFound();
  return (
    <>
      <PageHeader
        eyebrow={te("eyebrow")}
        title={rule ? t("editTitle", { name: localizedText(rule.name, locale) }) : t("newTitle")}
        description={t("description")}
        actions={<ButtonLink href="/console/plans/draft" variant="secondary">{te("backToDraft")}</ButtonLink>}
      />
      <div className="mt-8 grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <CardBody>
            <RuleForm
              rule={rule ?? null}
              options={{
                stores: overview.options.stores.map((s) => ({ value: s.id, label: s.name })),
                tiers: definition.tiers.map((tier) => ({ value: tier.key, label: localizedText(tier.name, locale) })),
                segments: overview.options.segments.map((s) => ({ value: s.id, label: s.name })),
                categoryHint: categoryHint(overview.options.categories, te("fields.codesHint"), (list) => te("fields.categoriesKnown", { list })),
                currency: overview.program.currency,
                digits,
              }}
            />
          </CardBody>
        </Card>
        <RulesHelp />
      </div>
    </>
  );
}
