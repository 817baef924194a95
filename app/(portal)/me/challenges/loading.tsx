import { useTranslations } from "next-intl";

/** Skeleton while the challenges and their progress load. */
export default function MyChallengesLoading() {
  const t = useTranslations("MyChallenges");
  return (
    <div className="mx-auto max-w-xl space-y-5" aria-busy="true" aria-live="polite" data-testid="challenges-loading">
      <p className="text-sm text-ink-muted">{t("loading")}</p>
      <div className="h-32 animate-pulse rounded-card bg-surface-muted" />
      <div className="h-28 animate-pulse rounded-card bg-surface-muted" />
      <div className="h-28 animate-pulse rounded-card bg-surface-muted" />
    </div>
  );
}
