import Link from "@/components/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Logo, LogoMark } from "@/components/ui/logo";
import { CurrentStoreBadge } from "./current-store-badge";
import { LanguageSwitcher } from "./language-switcher";
import { UserMenu, type MenuUser } from "./user-menu";

type StaffShellProps = { user: MenuUser; stores: { id: string; name: string; code: string }[]; children: ReactNode };

/** Counter screens (tablet or PC): tall header, large type and touch targets. */
export function StaffShell({ user, stores, children }: StaffShellProps) {
  const t = useTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-line bg-surface">
        <div className="mx-auto flex h-20 max-w-5xl items-center gap-3 px-4 sm:gap-4 sm:px-6">
          {/* On a phone the store's name needs the room more than the wordmark does. */}
          <Link href="/staff" className="shrink-0 rounded-control" aria-label={`${t("Common.brand")} · ${t("Staff.title")}`}>
            <LogoMark className="sm:hidden" />
            <span className="hidden sm:block">
              <Logo label={t("Common.brand")} sublabel={t("Staff.title")} />
            </span>
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-4">
            <CurrentStoreBadge stores={stores} />
            <LanguageSwitcher variant="compact" className="shrink-0" />
            <UserMenu user={user} variant="compact" className="shrink-0" />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}
