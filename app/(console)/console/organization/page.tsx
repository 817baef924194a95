import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadConsoleContext } from "@/app/_data/console-context";
import { NoProgram } from "@/components/shell/no-program";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { rateAsDecimal } from "@/lib/domain/coalition/exchange-rate";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getOrganizationDashboard } from "@/lib/services/organizations/get-organization-dashboard";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { PROGRAM_LOCALES } from "@/lib/validation/program-settings";
import { AccessDenied } from "../_components/access-denied";
import { CopyToProgramDialog } from "../_components/copy-to-program-dialog";
import { guardRead } from "../_lib/guard-read";
import { BrandsChart } from "./_components/brands-chart";
import { BrandsTable } from "./_components/brands-table";
import { CoalitionCard } from "./_components/coalition-card";
import { NewBrandForm } from "./_components/new-brand-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Organization"))("nav") };
}

const BRAND = "#279787";
const BRAND_LIGHT = "#7bcfbf";
const ACCENT = "#ea8540";

/** The organization: its brands compared, the coalition, new brands (owners) and copies between brands. */
export default async function OrganizationPage() {
  const { actor, program } = await loadConsoleContext();
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Organization"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getOrganizationDashboard(db, actor, { organizationId: program.organizationId }));
  if (!result.allowed) return <AccessDenied />;
  const d = result.data;
  const clock = await getProgramClock(db, program.id);
  const nl = numberLocale(locale, clock.locale);
  const sisters = d.programs.filter((p) => p.id !== program.id);
  const rateOf = (from: string, to: string) => d.links.find((l) => l.fromProgramId === from && l.toProgramId === to);
  const links = sisters.flatMap((s) => {
    const out = rateOf(program.id, s.id);
    const back = rateOf(s.id, program.id);
    if (!out || !back) return [];
    const fmt = (r: { rateNumerator: number; rateDenominator: number }) => rateAsDecimal({ numerator: r.rateNumerator, denominator: r.rateDenominator }).toLocaleString(nl, { maximumFractionDigits: 4 });
    return [{ toProgramId: s.id, toName: s.name, rate: fmt(out), backRate: fmt(back) }];
  });
  const copyKinds = (["plan", "rewards"] as const).filter((k) => can(actor, k === "plan" ? "plans:write" : "rewards:write", program));
  const copyTargets = sisters.filter((s) => copyKinds.some((k) => can(actor, k === "plan" ? "plans:write" : "rewards:write", s)));
  const rows = d.brands.map((b) => ({ brand: b.program.name, members: b.members, active: b.activeMembers, issued: b.pointsIssued, redeemed: b.pointsRedeemed }));
  const brandsLocales = PROGRAM_LOCALES.map((tag) => ({ value: tag, label: `${new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag} · ${tag}` }));

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={d.organization.name}
        description={t("description", { name: d.organization.name })}
        actions={copyKinds.length && sisters.length ? <CopyToProgramDialog kinds={[...copyKinds]} targets={copyTargets.map(({ id, name }) => ({ id, name }))} /> : null}
      />
      {d.brands.length === 0 ? (
        <div className="mt-8">
          <EmptyState icon="globe" title={t("dashboard.title")}>
            <p>{t("dashboard.empty")}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="mt-8 grid gap-6 lg:grid-cols-2">
            <Card data-testid="org-members-card">
              <CardHeader title={t("dashboard.chartTitle")} />
              <CardBody>
                <BrandsChart data={rows} locale={nl} testId="org-members-chart" series={[{ key: "members", label: t("dashboard.members"), color: BRAND }, { key: "active", label: t("dashboard.activeMembers"), color: BRAND_LIGHT }]} />
              </CardBody>
            </Card>
            <Card data-testid="org-points-card">
              <CardHeader title={t("dashboard.pointsChartTitle")} />
              <CardBody>
                <BrandsChart data={rows} locale={nl} testId="org-points-chart" series={[{ key: "issued", label: t("dashboard.pointsIssued"), color: BRAND }, { key: "redeemed", label: t("dashboard.pointsRedeemed"), color: ACCENT }]} />
              </CardBody>
            </Card>
          </div>
          <Card className="mt-6" data-testid="org-brands-card">
            <CardHeader title={t("dashboard.title")} description={t("dashboard.description")} />
            <CardBody>
              <BrandsTable brands={d.brands} currentId={program.id} locale={nl} />
              {d.brands.length === 1 ? <p className="mt-3 text-sm text-ink-muted">{t("dashboard.single")}</p> : null}
            </CardBody>
          </Card>
        </>
      )}
      {sisters.length ? (
        <CoalitionCard current={{ id: program.id, name: program.name }} links={links} sisters={sisters.filter((s) => can(actor, "program:write", s)).map(({ id, name }) => ({ id, name }))} canManage={d.canManageCoalition && can(actor, "program:write", program)} locale={nl} />
      ) : null}
      {d.canCreateBrand ? <NewBrandForm defaults={{ currency: d.brands.find((b) => b.program.id === program.id)?.program.currency ?? "MXN", locale: clock.locale, timeZone: clock.timeZone }} locales={brandsLocales} /> : null}
    </>
  );
}
