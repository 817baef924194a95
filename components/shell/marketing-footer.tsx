import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { LogoMark } from "@/components/ui/logo";

const surfaceLinks = [
  { href: "/console", key: "console" },
  { href: "/me", key: "portal" },
  { href: "/staff", key: "staff" },
  { href: "/api/v1", key: "api" },
] as const;

export function MarketingFooter() {
  const t = useTranslations();
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6 md:flex-row md:items-center md:justify-between">
        <div className="flex items-center gap-3">
          <LogoMark className="size-7" />
          <div className="text-sm">
            <p className="font-medium text-ink">{t("Landing.footer.tagline")}</p>
            <p className="text-ink-subtle">{t("Landing.footer.license")}</p>
          </div>
        </div>
        <nav className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-ink-muted">
          {surfaceLinks.map((link) => (
            // /api/v1 is a route handler, not a page: a plain anchor avoids client navigation.
            link.key === "api" ? (
              <a key={link.key} href={link.href} className="hover:text-ink">
                {t(`Surfaces.${link.key}`)}
              </a>
            ) : (
              <Link key={link.key} href={link.href} className="hover:text-ink">
                {t(`Surfaces.${link.key}`)}
              </Link>
            )
          ))}
        </nav>
      </div>
    </footer>
  );
}
