import { useTranslations } from "next-intl";

/** Skeleton while the account, its users and its activity load. */
export default function MyAccountLoading() {
  const t = useTranslations("MyAccount");
  return (
    <div className="mx-auto max-w-xl space-y-5" aria-busy="true" aria-live="polite" data-testid="account-loading">
      <p className="text-sm text-ink-muted">{t("title")}…</p>
      <div className="h-40 animate-pulse rounded-card bg-surface-muted" />
      <div className="h-64 animate-pulse rounded-card bg-surface-muted" />
    </div>
  );
}
