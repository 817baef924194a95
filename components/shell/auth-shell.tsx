import Link from "@/components/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import { LanguageSwitcher } from "./language-switcher";

type AuthShellProps = {
  icon?: IconName;
  eyebrow?: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Below the card: links to other ways in. */
  footer?: ReactNode;
};

/** Sign-in, password and invitation pages: one centred card, outside every surface shell. */
export function AuthShell({ icon = "idCard", eyebrow, title, subtitle, children, footer }: AuthShellProps) {
  const t = useTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-4 py-5 sm:px-6">
        <Link href="/" className="rounded-control">
          <Logo label={t("Common.brand")} sublabel={t("AuthShell.tagline")} />
        </Link>
        <LanguageSwitcher variant="compact" />
      </header>
      <main id="content" className="flex flex-1 flex-col items-center px-4 pt-6 pb-16 sm:pt-12">
        <div className="w-full max-w-md rounded-card border border-line bg-surface p-6 shadow-raised sm:p-8">
          <span className="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
            <Icon name={icon} className="size-6" />
          </span>
          {eyebrow ? <p className="mt-5 text-xs font-semibold tracking-wider text-brand-700 uppercase">{eyebrow}</p> : null}
          <h1 className={eyebrow ? "mt-1 text-2xl font-semibold tracking-tight text-ink" : "mt-5 text-2xl font-semibold tracking-tight text-ink"}>{title}</h1>
          {subtitle ? <p className="mt-2 text-sm leading-relaxed text-pretty text-ink-muted">{subtitle}</p> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? <div className="mt-6 w-full max-w-md text-center text-sm text-ink-muted">{footer}</div> : null}
      </main>
    </div>
  );
}

/** The way back from password and invitation pages to sign-in (label translated by the page). */
export function BackToSignInLink({ label }: { label: string }) {
  return (
    <Link href="/sign-in" className="inline-flex items-center gap-1.5 font-medium text-brand-700 hover:underline">
      <Icon name="arrowLeft" className="size-4" />
      {label}
    </Link>
  );
}
