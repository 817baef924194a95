import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { localizedText } from "@/lib/localized-text";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { EventRulesForm } from "../_components/event-rules-form";
import { ExclusionsForm } from "../_components/exclusions-form";
import { GeneralForm } from "../_components/general-form";
import { RemoveRuleButton } from "../_components/remove-rule-button";
import { effectText } from "../_components/rule-text";
import { RulesHelp } from "../_components/rules-help";
import { TiersForm } from "../_components/tiers-form";
import { categoryHint, loadDraft } from "../_lib/load-draft";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PlanEditor"))("title") };
}

export default async function PlanDraftPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireUser("/console/plans/draft");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, { saved }] = await Promise.all([getTranslations("PlanEditor"), getLocale(), searchParams]);
  const result = await loadDraft(actor, program.id);
  if (!result.allowed) return <AccessDenied />;
  const { draft, definition, name, overview, digits } = result.data;
  const rules = [...(definition.rules ?? [])].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id));
  const hint = categoryHint(overview.options.categories, t("fields.codesHint"), (list) => t("fields.categoriesKnown", { list }));
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={draft ? t("descriptionDraft", { version: draft.version }) : t("descriptionNew")}
        actions={
          <>
            <ButtonLink href="/console/plans/tester" variant="secondary">
              {t("tester")}
            </ButtonLink>
            <ButtonLink href="/console/plans">{t("backToPlans")}</ButtonLink>
          </>
        }
      />
      <div className="mt-8 max-w-5xl">
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("sections.general")} description={t("sections.generalHint")} />
            <CardBody>
              <GeneralForm name={name} plan={definition} digits={digits} currency={overview.program.currency} />
            </CardBody>
          </Card>
          <Card id="rules">
            <CardHeader title={t("sections.rules")} description={t("sections.rulesHint")} action={<ButtonLink href="/console/plans/draft/rule">{t("rules.add")}</ButtonLink>} />
            {saved ? <p className="border-b border-line bg-brand-50 px-5 py-2.5 text-sm text-brand-800" data-testid="rule-saved" aria-live="polite">{t("rules.saved")}</p> : null}
            {rules.length === 0 ? (
              <CardBody>
                <p className="text-sm text-ink-muted">{t("rules.empty")}</p>
              </CardBody>
            ) : (
              <ul className="divide-y divide-line" data-testid="rule-list">
                {rules.map((rule) => (
                  <li key={rule.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="rule-item">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
                        {localizedText(rule.name, locale)}
                        <Badge tone={rule.active ? "brand" : "neutral"}>{rule.active ? t("rules.active") : t("rules.inactive")}</Badge>
                        <Badge>{t(`rule.stackings.${rule.stacking}`)}</Badge>
                      </p>
                      <p className="mt-0.5 text-xs text-ink-muted">
                        {effectText(rule, tt)} · {t("rules.priority", { priority: rule.priority })}
                      </p>
                    </div>
                    <div className="flex items-center gap-1">
                      <Link href={`/console/plans/draft/rule?id=${encodeURIComponent(rule.id)}`} className="rounded-control px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50" aria-label={t("rules.editNamed", { name: localizedText(rule.name, locale) })}>
                        {t("rules.edit")}
                      </Link>
                      <RemoveRuleButton ruleId={rule.id} name={localizedText(rule.name, locale)} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <div className="border-t border-line px-5 py-4">
              <RulesHelp />
            </div>
          </Card>
          <Card id="event-rules">
            <CardHeader title={t("sections.eventRules")} description={t("sections.eventRulesHint")} />
            <CardBody>
              <EventRulesForm rules={definition.eventRules ?? []} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("sections.tiers")} description={t("sections.tiersHint")} />
            <CardBody>
              <TiersForm plan={definition} digits={digits} currency={overview.program.currency} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("sections.exclusions")} description={t("sections.exclusionsHint")} />
            <CardBody>
              <ExclusionsForm plan={definition} categoryHint={hint} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
