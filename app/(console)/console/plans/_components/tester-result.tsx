"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatMoney, formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { BasketTest } from "@/lib/services/plans/test-plan-basket";
import { DAY_NAMES } from "@/lib/domain/rules/conditions";
import { effectText, missText } from "./rule-text";
import type { TesterOptions } from "./tester-form";

/** Points per line, then every rule in evaluation order with what it gave or why it did not. */
export function TesterResult({ result, options }: { result: BasketTest; options: TesterOptions }) {
  const t = useTranslations("PlanTester.result");
  const te = useTranslations("PlanEditor");
  const tt = te as unknown as (key: string, values?: Record<string, string | number>) => string;
  const { evaluation } = result;
  const ruleById = new Map(result.rules.map((r) => [r.id, r]));
  const ruleName = (id: string) => (ruleById.get(id) ? localizedText(ruleById.get(id)!.name, options.locale) : id);
  const tierName = (key: string) => options.tiers.find((o) => o.value === key)?.label ?? key;
  const money = (minor: number) => formatMoney(minor, options.currency, options.locale);
  const names = { rule: ruleName, tier: tierName, day: (d: number) => te(`daysInSentence.${DAY_NAMES[d]!}`), money, channel: (c: string) => te(`channels.${c}` as "channels.pos") };
  return (
    <div className="space-y-6">
      <dl className="grid gap-3 text-sm sm:grid-cols-4">
        <Stat label={t("total")} value={formatPoints(evaluation.points, options.locale)} testId="tester-total" />
        <Stat label={t("base")} value={formatPoints(evaluation.basePoints, options.locale)} />
        <Stat label={t("tierMultiplier")} value={`×${evaluation.tierMultiplier}${result.tier ? ` (${tierName(result.tier)})` : ""}`} />
        <Stat label={t("pendingDays")} value={String(evaluation.pendingDays)} />
      </dl>
      {result.member ? <p className="text-sm text-ink-muted">{t("member", { name: result.member.name ?? "—" })}</p> : null}
      <table className="w-full text-sm" data-testid="tester-lines">
        <caption className="mb-2 text-left text-sm font-semibold text-ink">{t("lines")}</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-ink-muted">
            <th scope="col" className="py-2 font-medium">#</th>
            <th scope="col" className="py-2 font-medium">{t("product")}</th>
            <th scope="col" className="py-2 text-right font-medium">{t("amount")}</th>
            <th scope="col" className="py-2 text-right font-medium">{t("basePoints")}</th>
            <th scope="col" className="py-2 text-right font-medium">{t("bonusPoints")}</th>
            <th scope="col" className="py-2 text-right font-medium">{t("points")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {evaluation.lines.map((line, i) => {
            const input = result.lines[i]!;
            return (
              <tr key={line.line} data-testid="tester-line-result">
                <td className="py-2 tabular-nums">{line.line}</td>
                <td className="py-2">
                  {[input.sku, input.categoryPath.join(" › ")].filter(Boolean).join(" · ") || "—"}
                  {!line.eligible ? <Badge className="ml-2">{t("excluded")}</Badge> : null}
                </td>
                <td className="py-2 text-right tabular-nums">{money(Math.round(input.quantity * input.unitPriceMinor))}</td>
                <td className="py-2 text-right tabular-nums">{line.basePoints}</td>
                <td className="py-2 text-right tabular-nums">{line.bonusPoints}</td>
                <td className="py-2 text-right font-semibold tabular-nums" data-testid="line-points">{line.points}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <h3 className="text-sm font-semibold text-ink">{t("rules")}</h3>
        {evaluation.rules.length === 0 ? <p className="mt-1 text-sm text-ink-muted">{t("noRules")}</p> : null}
        <ol className="mt-2 space-y-2">
          {evaluation.rules.map((outcome) => (
            <li key={outcome.ruleId} className="flex flex-wrap items-start justify-between gap-2 rounded-control border border-line px-3.5 py-2.5" data-testid="rule-outcome" data-fired={outcome.fired}>
              <div>
                <p className="text-sm font-medium text-ink">
                  {ruleName(outcome.ruleId)}
                  {ruleById.get(outcome.ruleId) ? <span className="ml-2 text-xs font-normal text-ink-subtle">{effectText(ruleById.get(outcome.ruleId)!, tt)}</span> : null}
                </p>
                <p className="mt-0.5 text-sm text-ink-muted" data-testid="rule-why">
                  {outcome.fired ? (outcome.miss ? missText(outcome.miss, tt, names) : t("fired")) : missText(outcome.miss, tt, names)}
                </p>
              </div>
              <Badge tone={outcome.fired ? "brand" : "neutral"}>{outcome.fired ? t("gave", { points: outcome.points }) : t("notFired")}</Badge>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-control bg-surface-muted px-3.5 py-2.5">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-ink tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
