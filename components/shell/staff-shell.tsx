import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Logo } from "@/components/ui/logo";
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
        <div className="mx-auto flex h-20 max-w-5xl items-center gap-4 px-4 sm:px-6">
          <Link href="/staff" className="shrink-0 rounded-control">
            <Logo label={t("Common.brand")} sublabel={t("Staff.title")} />
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-4">
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
