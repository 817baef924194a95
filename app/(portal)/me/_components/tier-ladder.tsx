import { useLocale, useTranslations } from "next-intl";
import type { PortalProgram } from "@/app/_data/portal-program";
import { Icon } from "@/components/ui/icons";
import { localizedText } from "@/lib/localized-text";

export function TierLadder({ tiers }: { tiers: PortalProgram["tiers"] }) {
  const t = useTranslations("Portal.home.tiers");
  const locale = useLocale();
  return (
    <section id="tiers" aria-labelledby="tiers-title">
      <h2 id="tiers-title" className="text-lg font-semibold text-ink">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">{t("body")}</p>
      {tiers.length === 0 ? (
        <p className="mt-4 text-sm text-ink-subtle">{t("empty")}</p>
      ) : (
        <ol className="mt-4 overflow-hidden rounded-card border border-line bg-surface shadow-card">
          {tiers.map((tier, index) => (
            <li key={tier.key} className="flex items-center gap-4 border-b border-line px-4 py-3.5 last:border-b-0">
              <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-accent-100 text-accent-700">
                <Icon name="layers" className="size-4" />
              </span>
              <span className="flex-1 font-medium text-ink">{localizedText(tier.name, locale)}</span>
              <span className="text-xs font-medium text-ink-subtle">{t("step", { position: index + 1 })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
