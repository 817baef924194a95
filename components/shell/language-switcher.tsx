import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { locales } from "@/i18n/config";
import { setLocaleAction } from "@/i18n/set-locale-action";
import { Icon } from "@/components/ui/icons";

type LanguageSwitcherProps = {
  /** "compact" shows ES/EN codes, for phone headers. */
  variant?: "full" | "compact";
  className?: string;
};

/**
 * A plain form posting to a server action: works before hydration and
 * without JavaScript; the action sets the cookie and the page re-renders.
 */
export function LanguageSwitcher({ variant = "full", className }: LanguageSwitcherProps) {
  const t = useTranslations("LanguageSwitcher");
  const current = useLocale();
  return (
    <form
      action={setLocaleAction}
      className={clsx("inline-flex items-center gap-1.5", className)}
      data-testid="language-switcher"
    >
      <Icon name="globe" className="size-4 text-ink-subtle" />
      <span className="sr-only">{t("label")}</span>
      <span className="inline-flex rounded-control border border-line bg-surface-muted p-0.5">
        {locales.map((locale) => {
          const active = locale === current;
          return (
            <button
              key={locale}
              type="submit"
              name="locale"
              value={locale}
              lang={locale}
              aria-pressed={active}
              // The accessible name starts with the visible text (ES/EN or the language's name), as axe's label-content rule asks.
              aria-label={variant === "compact" ? `${locale.toUpperCase()} · ${t("switchTo", { language: t(locale) })}` : t("switchTo", { language: t(locale) })}
              title={t(locale)}
              className={clsx(
                "rounded-[calc(var(--radius-control)-2px)] px-2.5 py-1 text-xs font-medium transition-colors",
                active ? "bg-surface text-ink shadow-card" : "text-ink-muted hover:text-ink",
              )}
            >
              {variant === "compact" ? locale.toUpperCase() : t(locale)}
            </button>
          );
        })}
      </span>
    </form>
  );
}
