import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { LanguageSwitcher } from "./language-switcher";

export function MarketingHeader() {
  const t = useTranslations();
  return (
    <header className="sticky top-0 z-30 border-b border-line/80 bg-canvas/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/" className="rounded-control" aria-label={t("Common.brand")}>
          <Logo label={t("Common.brand")} />
        </Link>
        <nav aria-label={t("Common.mainNav")} className="hidden items-center gap-6 text-sm text-ink-muted md:flex">
          <a href="#audiences" className="hover:text-ink">
            {t("Landing.nav.audiences")}
          </a>
          <a href="#principles" className="hover:text-ink">
            {t("Landing.nav.principles")}
          </a>
        </nav>
        <div className="flex items-center gap-3">
          <LanguageSwitcher variant="compact" />
          {/* Wrapped: `hidden` on the link itself would fight its own inline-flex. */}
          <div className="hidden sm:block">
            <ButtonLink href="/console">{t("Landing.nav.openConsole")}</ButtonLink>
          </div>
        </div>
      </div>
    </header>
  );
}
