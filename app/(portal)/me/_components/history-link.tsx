import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";

/** From the home to the member's explained history. */
export function HistoryLink() {
  const t = useTranslations("MemberHistory");
  return (
    <Link
      href="/me/history"
      className="flex items-center gap-4 rounded-card border border-line bg-surface px-5 py-4 shadow-card transition-colors hover:border-brand-200 hover:bg-brand-50/40"
      data-testid="history-link"
    >
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <Icon name="activity" className="size-5" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-ink">{t("linkFromHome")}</span>
        <span className="block text-sm text-ink-muted">{t("linkFromHomeHint")}</span>
      </span>
      <Icon name="arrowRight" className="size-5 shrink-0 text-ink-subtle" />
    </Link>
  );
}
