import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/ui/icons";

type MemberAuthCardProps = { icon: IconName; programName: string; title: ReactNode; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The portal's sign-in, code and join steps: the program on top, one card, links below. */
export function MemberAuthCard({ icon, programName, title, subtitle, children, footer }: MemberAuthCardProps) {
  return (
    <div className="mx-auto max-w-md">
      <div className="rounded-card border border-line bg-surface p-6 shadow-raised sm:p-8">
        <div className="flex items-center gap-3">
          <span className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
            <Icon name={icon} className="size-6" />
          </span>
          <p className="text-sm font-semibold text-brand-700" data-testid="portal-program-name">
            {programName}
          </p>
        </div>
        <h1 className="mt-5 text-2xl font-semibold tracking-tight text-ink">{title}</h1>
        {subtitle ? <div className="mt-2 text-sm leading-relaxed text-pretty text-ink-muted">{subtitle}</div> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="mt-6 text-center text-sm text-ink-muted">{footer}</div> : null}
    </div>
  );
}
