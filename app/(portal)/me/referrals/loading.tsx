import { useTranslations } from "next-intl";

/** Skeleton while the code (made on first visit) and the friends list load. */
export default function MyReferralsLoading() {
  const t = useTranslations("MyReferrals");
  return (
    <div className="mx-auto max-w-xl space-y-5" aria-busy="true" aria-live="polite" data-testid="referrals-loading">
      <p className="text-sm text-ink-muted">{t("loading")}</p>
      <div className="h-72 animate-pulse rounded-card bg-surface-muted" />
      <div className="h-32 animate-pulse rounded-card bg-surface-muted" />
    </div>
  );
}
