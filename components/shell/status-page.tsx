import Link from "@/components/link";
import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/ui/icons";
import { LogoMark } from "@/components/ui/logo";

type StatusPageProps = {
  icon: IconName;
  eyebrow?: ReactNode;
  title: ReactNode;
  body: ReactNode;
  actions: ReactNode;
  footer?: ReactNode;
  brand: string;
};

/** Full-page message used by not-found and error; sits outside every surface shell. */
export function StatusPage({ icon, eyebrow, title, body, actions, footer, brand }: StatusPageProps) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-16">
      <Link href="/" className="mb-10 inline-flex items-center gap-2 rounded-control text-lg font-semibold text-ink">
        <LogoMark />
        {brand}
      </Link>
      <main className="w-full max-w-md rounded-card border border-line bg-surface p-8 text-center shadow-raised">
        <span className="mx-auto flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-600">
          <Icon name={icon} className="size-7" />
        </span>
        {eyebrow ? <p className="mt-5 text-xs font-semibold tracking-wider text-brand-700 uppercase">{eyebrow}</p> : null}
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">{title}</h1>
        <p className="mt-3 text-sm leading-relaxed text-ink-muted">{body}</p>
        <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">{actions}</div>
        {footer ? <div className="mt-6 text-xs text-ink-subtle">{footer}</div> : null}
      </main>
    </div>
  );
}
