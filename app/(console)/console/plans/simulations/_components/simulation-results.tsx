import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { currencyMinorDigits, formatCount, formatMoney, formatPercent, formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { PlanOutcome, SimulationResults } from "@/lib/domain/simulation/types";
import { MonthlyPointsChart, TierMembersChart } from "./simulation-charts";

type Props = { results: SimulationResults; labels: { candidate: string; baseline: string }; uiLocale: string; numberLocale: string };

const TABLE_METRICS: { key: keyof PlanOutcome; money: boolean }[] = [
  { key: "pointsIssued", money: false },
  { key: "expectedRedeemedPoints", money: false },
  { key: "expectedRedemptionCostMinor", money: true },
  { key: "expiredPoints", money: false },
  { key: "outstandingPoints", money: false },
  { key: "liabilityMinor", money: true },
  { key: "costPerMemberMinor", money: true },
];

/** A finished run: headline cards, the two charts, the comparison table, cost per segment and the assumptions behind it all. */
export async function SimulationResultsView({ results, labels, uiLocale, numberLocale: loc }: Props) {
  const t = await getTranslations("PlanSimulation.results");
  const { candidate, baseline } = results.outcomes;
  const currency = results.assumptions.currency;
  const money = (v: number | null) => (v === null ? "—" : formatMoney(v, currency, loc));
  const points = (v: number) => formatPoints(v, loc);
  const value = (v: number | null, isMoney: boolean) => (isMoney ? money(v) : v === null ? "—" : points(v));
  const change = (a: number | null, b: number | null) => {
    if (a === null || b === null) return "—";
    if (a === b) return t("noChange");
    const sign = a > b ? "+" : "";
    return b === 0 ? `${sign}${formatCount(a - b, loc)}` : `${sign}${formatPercent((a - b) / b, loc)}`;
  };
  const difference = (a: number | null, b: number | null, isMoney: boolean) => {
    if (a === null || b === null) return "—";
    const d = a - b;
    return `${d > 0 ? "+" : ""}${isMoney ? money(d) : points(d)}`;
  };
  const headline: { key: string; label: string; a: number | null; b: number | null; isMoney: boolean }[] = [
    { key: "points", label: t("pointsIssued"), a: candidate.pointsIssued, b: baseline.pointsIssued, isMoney: false },
    { key: "cost", label: t("redemptionCost"), a: candidate.expectedRedemptionCostMinor, b: baseline.expectedRedemptionCostMinor, isMoney: true },
    { key: "liability", label: t("liability"), a: candidate.liabilityMinor, b: baseline.liabilityMinor, isMoney: true },
    { key: "per-member", label: t("costPerMember"), a: candidate.costPerMemberMinor, b: baseline.costPerMemberMinor, isMoney: true },
  ];
  const tiers = results.tiers.map((tier) => ({ name: tier.name ? localizedText(tier.name, uiLocale) : t("noTier"), candidate: tier.candidate, baseline: tier.baseline }));

  return (
    <div className="mt-6 space-y-6" data-testid="simulation-results">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {headline.map((h) => (
          <div key={h.key} className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid={`simulation-kpi-${h.key}`} data-candidate={h.a ?? ""} data-baseline={h.b ?? ""}>
            <p className="text-sm font-medium text-ink-muted">{h.label}</p>
            <p className="mt-3 text-2xl font-semibold tracking-tight text-ink tabular-nums">{value(h.a, h.isMoney)}</p>
            <p className="mt-1 text-xs text-ink-subtle tabular-nums">
              <span className="mr-1 inline-block size-2 rounded-full bg-[#279787] align-middle" aria-hidden />
              {t("vsBaseline", { value: value(h.b, h.isMoney), change: change(h.a, h.b) })}
            </p>
          </div>
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader title={t("monthlyTitle")} description={t("monthlyDescription")} />
          <CardBody>
            <MonthlyPointsChart data={results.months} locale={loc} labels={labels} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("tiersTitle")} description={t("tiersDescription")} />
          <CardBody>
            <TierMembersChart data={tiers} locale={loc} labels={labels} />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title={t("tableTitle")} description={t("tableDescription")} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="simulation-table">
            <thead>
              <tr className="border-b border-line text-left text-xs text-ink-muted">
                <th scope="col" className="px-5 py-2 font-medium">{t("metric")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{labels.candidate}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{labels.baseline}</th>
                <th scope="col" className="hidden px-5 py-2 text-right font-medium sm:table-cell">{t("difference")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {TABLE_METRICS.map(({ key, money: isMoney }) => (
                <tr key={key} data-testid={`simulation-row-${key}`}>
                  <th scope="row" className="px-5 py-3 text-left font-medium text-ink">{t(`metrics.${key}`)}</th>
                  <td className="px-3 py-3 text-right text-ink tabular-nums">{value(candidate[key], isMoney)}</td>
                  <td className="px-3 py-3 text-right text-ink-muted tabular-nums">{value(baseline[key], isMoney)}</td>
                  <td className="hidden px-5 py-3 text-right text-ink-muted tabular-nums sm:table-cell">{difference(candidate[key], baseline[key], isMoney)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader title={t("segmentsTitle")} description={t("segmentsDescription")} />
          {results.segments.length === 0 ? (
            <CardBody>
              <p className="text-sm text-ink-muted" data-testid="simulation-segments-empty">{t("segmentsEmpty")}</p>
            </CardBody>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="simulation-segments">
                <thead>
                  <tr className="border-b border-line text-left text-xs text-ink-muted">
                    <th scope="col" className="px-5 py-2 font-medium">{t("segment")}</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">{t("members")}</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">{`${t("candidateShort")} · ${t("redemptionCost")}`}</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">{`${t("baselineShort")} · ${t("redemptionCost")}`}</th>
                    <th scope="col" className="px-5 py-2 text-right font-medium">{`${t("perMember")} (${t("candidateShort")} / ${t("baselineShort")})`}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {results.segments.map((s) => (
                    <tr key={s.segmentId}>
                      <th scope="row" className="px-5 py-3 text-left font-medium text-ink">{s.name}</th>
                      <td className="px-3 py-3 text-right text-ink-muted tabular-nums">{formatCount(s.members, loc)}</td>
                      <td className="px-3 py-3 text-right text-ink tabular-nums">{money(s.candidate.expectedRedemptionCostMinor)}</td>
                      <td className="px-3 py-3 text-right text-ink-muted tabular-nums">{money(s.baseline.expectedRedemptionCostMinor)}</td>
                      <td className="px-5 py-3 text-right whitespace-nowrap text-ink-muted tabular-nums">{`${money(s.candidate.costPerMemberMinor)} / ${money(s.baseline.costPerMemberMinor)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card data-testid="simulation-assumptions">
          <CardHeader title={t("assumptionsTitle")} />
          <CardBody className="space-y-2 text-sm text-ink-muted">
            <p>{t("purchasesMembers", { purchases: formatCount(results.purchases, loc), members: formatCount(results.members, loc) })}</p>
            <p>{t("redemptionRate", { rate: new Intl.NumberFormat(loc, { style: "percent", maximumFractionDigits: 1 }).format(results.assumptions.redemptionRate) })}</p>
            <p>{results.assumptions.pointValueMilli === null ? t("pointValueMissing") : t("pointValue", { value: pointValueText(results.assumptions.pointValueMilli, currency, loc) })}</p>
            <p className="text-xs leading-relaxed text-ink-subtle">{t("approximations")}</p>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

/** A point is often worth a fraction of a cent: shown with up to three more decimals than the currency has. */
function pointValueText(pointValueMilli: number, currency: string, locale: string): string {
  const digits = currencyMinorDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits + 3 }).format(pointValueMilli / 1000 / 10 ** digits);
}
