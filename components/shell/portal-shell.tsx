import Link from "@/components/link";
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
  { href: "/me/inbox", key: "inbox", icon: "mail" },
  { href: "/me#how-it-works", key: "howItWorks", icon: "sparkles" },
  { href: "/me#tiers", key: "tiers", icon: "layers" },
  { href: "/me#stores", key: "stores", icon: "mapPin" },
] as const satisfies readonly { href: string; key: string; icon: IconName }[];

/** The inbox tab's unread count as a bubble; screen readers hear it as words after the tab's name (UnreadWords). */
function UnreadBadge({ count, className }: { count: number; className?: string }) {
  if (count <= 0) return null;
  return (
    <span className={className} aria-hidden="true" data-testid="inbox-badge">
      {count > 99 ? "99+" : count}
    </span>
  );
}

function UnreadWords({ count, label }: { count: number; label: string }) {
  return count > 0 ? <span className="sr-only">, {label}</span> : null;
}

const BUBBLE = "inline-flex min-w-5 h-5 items-center justify-center rounded-full bg-accent-700 px-1.5 text-[11px] leading-none font-semibold text-white tabular-nums";

/**
 * Mobile-first: bottom tab bar on phones, the same tabs in the header from sm
 * up. Signed out (sign-in, join), only the logo and the language switcher.
 * `unread` puts a count on the inbox tab.
 */
export function PortalShell({ signedIn, unread = 0, children }: { signedIn: boolean; unread?: number; children: ReactNode }) {
  const t = useTranslations();
  const label = (key: (typeof tabs)[number]["key"]) => (key === "inbox" ? t("MyInbox.tab") : t(`Portal.tabs.${key}`));
  const unreadLabel = t("MyInbox.unreadBadge", { count: unread });
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
                      className="inline-flex items-center gap-1.5 rounded-control px-3 py-2 text-sm font-medium transition-colors"
                      activeClassName="bg-brand-50 text-brand-800"
                      inactiveClassName="text-ink-muted hover:text-ink"
                    >
                      {label(tab.key)}
                      {tab.key === "inbox" ? (
                        <>
                          <UnreadBadge count={unread} className={BUBBLE} />
                          <UnreadWords count={unread} label={unreadLabel} />
                        </>
                      ) : null}
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
          <ul className="grid grid-cols-6">
            {tabs.map((tab) => (
              <li key={tab.key}>
                <NavLink
                  href={tab.href}
                  className="flex h-16 flex-col items-center justify-center gap-1 px-0.5 text-center text-[11px] leading-tight font-medium"
                  activeClassName="text-brand-700"
                  inactiveClassName="text-ink-subtle"
                >
                  <span className="relative">
                    <Icon name={tab.icon} className="size-6" />
                    {tab.key === "inbox" ? <UnreadBadge count={unread} className={`absolute -top-1.5 -right-3 ring-2 ring-surface ${BUBBLE}`} /> : null}
                  </span>
                  {label(tab.key)}
                  {tab.key === "inbox" ? <UnreadWords count={unread} label={unreadLabel} /> : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
