import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { DEFAULT_TIER_REVIEW } from "@/lib/domain/plan/plan-definition";
import { formatMoney, formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";

/** A plan in a few lines: base rate, lifecycle, tiers, rules. */
export function PlanSummary({ plan, locale, currency, compact = false }: { plan: PlanDefinition; locale: string; currency: string; compact?: boolean }) {
  const t = useTranslations("Plans.summary");
  const te = useTranslations("PlanEditor");
  const review = plan.tierReview ?? DEFAULT_TIER_REVIEW;
  const expiry =
    plan.expiry.kind === "rolling" || plan.expiry.kind === "inactivity"
      ? te(`expiryText.${plan.expiry.kind}`, { months: plan.expiry.months })
      : plan.expiry.kind === "end_of_period"
        ? te(`expiryText.end_of_period_${plan.expiry.period}`)
        : te("expiryText.none");
  const rules = plan.rules ?? [];
  return (
    <dl className={compact ? "grid gap-y-4 text-sm" : "grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2"} data-testid="plan-summary">
      <Item label={t("baseRate")}>
        {t("rate", { points: plan.baseRate.points, amount: formatMoney(plan.baseRate.perMinor, currency, locale) })}
        <span className="text-ink-subtle"> · {te(`rounding.${plan.baseRate.rounding}`)}</span>
      </Item>
      <Item label={t("lifecycle")}>
        {plan.pendingDays > 0 ? t("pending", { days: plan.pendingDays }) : t("noPending")} · {expiry}
      </Item>
      <Item label={t("tiers")}>
        <span className="flex flex-wrap gap-1.5">
          {plan.tiers.map((tier) => (
            <Badge key={tier.key} tone="brand">
              {localizedText(tier.name, locale)} · {plan.tierQualification.metric === "spend" ? formatMoney(tier.threshold, currency, locale) : formatPoints(tier.threshold, locale)} · ×{tier.earnMultiplier}
            </Badge>
          ))}
        </span>
        <span className="mt-1 block text-xs text-ink-subtle">
          {te(`metric.${plan.tierQualification.metric}`)} · {te(`window.${plan.tierQualification.window}`)} · {te(`review.${review.every}`)}
        </span>
      </Item>
      <Item label={t("rules")}>
        <span data-testid="rules-count">{t("rulesCount", { active: rules.filter((r) => r.active).length, total: rules.length })}</span>
        {plan.exclusions?.categories?.length || plan.exclusions?.skus?.length ? (
          <span className="block text-xs text-ink-subtle">{t("exclusions", { list: [...(plan.exclusions.categories ?? []), ...(plan.exclusions.skus ?? [])].join(", ") })}</span>
        ) : null}
      </Item>
    </dl>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-ink-subtle uppercase">{label}</dt>
      <dd className="mt-1 text-ink">{children}</dd>
    </div>
  );
}
