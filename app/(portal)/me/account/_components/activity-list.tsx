import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatPoints } from "@/lib/format";
import type { AccountActivityRow } from "@/lib/services/business-accounts/get-my-account";

type Props = { entries: AccountActivityRow[]; locale: string; timeZone: string; pointName: string; title: string; showWho: boolean };

/** The pool's movements, newest first: who, what, when and the points (signed by what they did to the available balance). */
export async function ActivityList({ entries, locale, timeZone, pointName, title, showWho }: Props) {
  const t = await getTranslations("MyAccount");
  return (
    <section aria-labelledby="activity-title" className="space-y-3">
      <h2 id="activity-title" className="text-lg font-semibold text-ink">{title}</h2>
      {entries.length === 0 ? (
        <EmptyState icon="activity" title={t("activityEmpty")}>
          <p>{t("activityEmptyBody")}</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-card border border-line bg-surface" data-testid="account-activity">
          {entries.map((e) => {
            const delta = e.availableDelta + e.pendingDelta;
            return (
              <li key={e.id} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="account-activity-entry" data-kind={e.kind} data-member={e.memberEmail ?? ""}>
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-ink">
                    {t(`kind.${e.kind as "earn"}`)}
                    {showWho ? <span className="font-normal text-ink-muted"> · {e.memberName || e.memberEmail || t("someone")}</span> : null}
                  </p>
                  <p className="text-xs text-ink-subtle">{formatDate(e.occurredAt, locale, timeZone)}{e.orderRef ? ` · ${e.orderRef}` : ""}</p>
                </div>
                <p className={delta >= 0 ? "shrink-0 text-sm font-semibold text-brand-700" : "shrink-0 text-sm font-semibold text-ink"}>
                  {delta >= 0 ? "+" : "−"}
                  {formatPoints(Math.abs(delta) || e.points, locale)} <span className="sr-only">{pointName}</span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
