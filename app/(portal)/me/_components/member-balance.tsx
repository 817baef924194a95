import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { formatPoints } from "@/lib/format";
import type { MySummary } from "@/lib/services/members/get-my-summary";

/** The signed-in member's greeting, card number and points, first thing on their home. */
export function MemberBalance({ summary, numberLocale }: { summary: MySummary; numberLocale: string }) {
  const t = useTranslations("MemberHome");
  const firstName = summary.name?.trim().split(/\s+/)[0];
  return (
    <section aria-labelledby="member-greeting" className="rounded-card border border-line bg-surface p-5 shadow-card sm:p-6" data-testid="member-summary">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="member-greeting" className="text-2xl font-semibold tracking-tight text-ink" data-testid="member-greeting">
          {firstName ? t("greeting", { name: firstName }) : t("greetingNoName")}
        </h2>
        <p className="flex items-center gap-1.5 font-mono text-xs text-ink-subtle">
          <Icon name="idCard" className="size-4" />
          {t("card", { number: summary.cardNumber })}
        </p>
      </div>
      <dl className="mt-5 grid grid-cols-2 gap-3">
        <div className="rounded-control bg-brand-50 px-4 py-3.5">
          <dt className="text-xs font-medium text-brand-800">{t("available")}</dt>
          <dd className="mt-1 text-3xl font-semibold tracking-tight text-brand-900 tabular-nums" data-testid="points-available">
            {formatPoints(summary.available, numberLocale)}
          </dd>
        </div>
        <div className="rounded-control bg-surface-muted px-4 py-3.5">
          <dt className="text-xs font-medium text-ink-muted">{t("pending")}</dt>
          <dd className="mt-1 text-3xl font-semibold tracking-tight text-ink tabular-nums" data-testid="points-pending">
            {formatPoints(summary.pending, numberLocale)}
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-ink-subtle">{t("pendingHint")}</p>
    </section>
  );
}
