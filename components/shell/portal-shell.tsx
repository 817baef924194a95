import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import { signOutAction } from "@/lib/auth/sign-out-actions";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

/*
 * The portal has one page so far; its tabs jump to that page's sections and
 * will point at real pages (rewards, card, history) as those arrive.
 */
const tabs = [
  { href: "/me", key: "home", icon: "home" },
  { href: "/me#how-it-works", key: "howItWorks", icon: "sparkles" },
  { href: "/me#tiers", key: "tiers", icon: "layers" },
  { href: "/me#stores", key: "stores", icon: "mapPin" },
] as const satisfies readonly { href: string; key: string; icon: IconName }[];

/**
 * Mobile-first: bottom tab bar on phones, the same tabs in the header from sm
 * up. Signed out (sign-in, join), only the logo and the language switcher.
 */
export function PortalShell({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const t = useTranslations();
  return (
    <div className={signedIn ? "min-h-dvh pb-24 sm:pb-0" : "min-h-dvh"}>
      <header className="sticky top-0 z-20 border-b border-line bg-surface/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-4 px-4">
          <Link href="/me" className="rounded-control">
            <Logo label={t("Common.brand")} sublabel={t("Portal.title")} />
          </Link>
          {signedIn ? (
            <nav aria-label={t("Common.mainNav")} className="hidden sm:block">
              <ul className="flex gap-1">
                {tabs.map((tab) => (
                  <li key={tab.key}>
                    <NavLink
                      href={tab.href}
                      className="rounded-control px-3 py-2 text-sm font-medium transition-colors"
                      activeClassName="bg-brand-50 text-brand-800"
                      inactiveClassName="text-ink-muted hover:text-ink"
                    >
                      {t(`Portal.tabs.${tab.key}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="flex items-center gap-2">
            <LanguageSwitcher variant="compact" />
            {signedIn ? (
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded-control px-2.5 py-1.5 text-xs font-medium text-ink-muted hover:bg-surface-muted hover:text-ink"
                  data-testid="member-sign-out"
                >
                  {t("MemberHome.signOut")}
                </button>
              </form>
            ) : null}
          </div>
        </div>
      </header>

      <main id="content" className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        {children}
      </main>

      {signedIn ? (
        <nav
          aria-label={t("Common.mainNav")}
          className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-surface/95 pb-[env(safe-area-inset-bottom)] backdrop-blur sm:hidden"
          data-testid="portal-tab-bar"
        >
          <ul className="grid grid-cols-4">
            {tabs.map((tab) => (
              <li key={tab.key}>
                <NavLink
                  href={tab.href}
                  className="flex h-16 flex-col items-center justify-center gap-1 text-[11px] font-medium"
                  activeClassName="text-brand-700"
                  inactiveClassName="text-ink-subtle"
                >
                  <Icon name={tab.icon} className="size-6" />
                  {t(`Portal.tabs.${tab.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
