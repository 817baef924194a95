import Link from "@/components/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import type { Actor, ProgramScope } from "@/lib/auth/actor";
import { ConsoleNav } from "./console-nav";
import type { FormState } from "@/components/forms/form-state";
import { LanguageSwitcher } from "./language-switcher";
import { ProgramSwitcher } from "./program-switcher";
import { UserMenu, type MenuUser } from "./user-menu";

type ConsoleShellProps = {
  user: MenuUser;
  /** The program shown, with the actor whose permissions filter the navigation; absent: no console access. */
  context?: { actor: Actor; program: ProgramScope & { name: string } };
  /** Programs the user may read and the action that switches between them; the switcher shows only with two or more. */
  switcher?: { programs: { id: string; name: string }[]; action: (previous: FormState, form: FormData) => Promise<FormState> };
  children: ReactNode;
};

/** Desktop-first: fixed sidebar from lg up, a compact top bar below that. */
export function ConsoleShell({ user, context, switcher, children }: ConsoleShellProps) {
  const t = useTranslations();
  const programName = context?.program.name;
  const switchable = context && switcher && switcher.programs.length > 1 ? { ...switcher, currentId: context.program.id } : null;
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="sticky top-0 hidden h-dvh flex-col border-r border-line bg-surface lg:flex">
        <div className="flex h-16 items-center border-b border-line px-5">
          <Link href="/console" className="rounded-control">
            <Logo label={t("Common.brand")} sublabel={t("Console.sidebarTitle")} />
          </Link>
        </div>
        {switchable ? (
          <ProgramSwitcher programs={switchable.programs} currentId={switchable.currentId} action={switchable.action} />
        ) : programName ? (
          <div className="mx-3 mt-4 flex items-center gap-3 rounded-control border border-line bg-surface-muted px-3 py-2.5">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent-100 text-sm font-semibold text-accent-700">
              {programName.slice(0, 1).toUpperCase()}
            </span>
            <span className="min-w-0">
              <span className="block text-[11px] font-medium text-ink-subtle">{t("Console.home.eyebrow")}</span>
              <span className="block truncate text-sm font-semibold text-ink" data-testid="sidebar-program">
                {programName}
              </span>
            </span>
          </div>
        ) : null}
        <div className="mt-6 min-h-0 flex-1 overflow-y-auto px-3">{context ? <ConsoleNav actor={context.actor} program={context.program} /> : null}</div>
        <div className="border-t border-line px-3 pt-3">
          <UserMenu user={user} placement="up" />
        </div>
        <div className="space-y-3 px-5 pt-2 pb-4">
          <LanguageSwitcher />
          <Link href="/" className="flex items-center gap-2 text-xs text-ink-subtle hover:text-ink">
            <Icon name="arrowLeft" className="size-3.5" />
            {t("Console.backToSite")}
          </Link>
        </div>
      </aside>

      <div className="min-w-0">
        <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-3 border-b border-line bg-surface/90 px-4 backdrop-blur lg:hidden">
          <Link href="/console" className="rounded-control">
            <Logo label={t("Common.brand")} sublabel={t("Console.sidebarTitle")} />
          </Link>
          <div className="flex items-center gap-2">
            {switchable ? <ProgramSwitcher programs={switchable.programs} currentId={switchable.currentId} action={switchable.action} variant="compact" /> : null}
            <LanguageSwitcher variant="compact" />
            <UserMenu user={user} variant="compact" />
          </div>
        </header>
        <main id="content" className="mx-auto max-w-6xl px-4 py-8 sm:px-6 lg:px-10 lg:py-10">
          {children}
        </main>
      </div>
    </div>
  );
}
