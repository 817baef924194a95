"use client";

import { clsx } from "clsx";
import { usePathname } from "next/navigation";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { Icon } from "@/components/ui/icons";

type Program = { id: string; name: string };

type ProgramSwitcherProps = {
  programs: Program[];
  currentId: string;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  /** "sidebar": a card with the program's name; "compact": a small button for phone headers. */
  variant?: "sidebar" | "compact";
};

function Initial({ name, current }: { name: string; current?: boolean }) {
  return (
    <span className={clsx("flex size-8 shrink-0 items-center justify-center rounded-lg text-sm font-semibold", current ? "bg-accent-100 text-accent-700" : "bg-brand-50 text-brand-700")}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}

function Choice({ program }: { program: Program }) {
  const { pending, data } = useFormStatus();
  const busy = pending && data?.get("programId") === program.id;
  const t = useTranslations("Organization.switcher");
  return (
    <button type="submit" name="programId" value={program.id} disabled={pending} className="flex w-full items-center gap-3 rounded-control px-2.5 py-2 text-left text-sm text-ink hover:bg-surface-muted disabled:opacity-60" data-testid="switch-program">
      <Initial name={program.name} />
      <span className="min-w-0 flex-1 truncate font-medium">{program.name}</span>
      {busy ? <span className="text-xs text-ink-subtle">{t("switching")}</span> : null}
    </button>
  );
}

/**
 * The console's program switcher, for people with roles in several programs:
 * a disclosure listing them, each a submit button of one form (works before
 * hydration). The server action checks the pick against the user's roles.
 */
export function ProgramSwitcher({ programs, currentId, action, variant = "sidebar" }: ProgramSwitcherProps) {
  const t = useTranslations("Organization.switcher");
  const [state, formAction] = useActionState(action, emptyFormState);
  const pathname = usePathname();
  const current = programs.find((p) => p.id === currentId) ?? programs[0]!;
  const others = programs.filter((p) => p.id !== current.id);
  return (
    <details className={clsx("group relative", variant === "sidebar" ? "mx-3 mt-4" : "")} data-testid="program-switcher">
      <summary
        className={clsx(
          "flex cursor-pointer list-none items-center gap-3 rounded-control border border-line bg-surface-muted hover:border-line-strong [&::-webkit-details-marker]:hidden",
          variant === "sidebar" ? "px-3 py-2.5" : "max-w-44 px-2 py-1",
        )}
      >
        <span className="sr-only">{t("change")}: </span>
        {variant === "sidebar" ? <Initial name={current.name} current /> : null}
        <span className="min-w-0 flex-1">
          {variant === "sidebar" ? <span className="block text-[11px] font-medium text-ink-muted">{t("label")}</span> : null}
          <span className="block truncate text-sm font-semibold text-ink" data-testid={variant === "sidebar" ? "sidebar-program" : "header-program"}>
            {current.name}
          </span>
        </span>
        <Icon name="arrowRight" className="size-4 shrink-0 rotate-90 text-ink-subtle transition-transform group-open:-rotate-90" />
      </summary>
      <div className={clsx("absolute z-40 mt-2 rounded-card border border-line bg-surface p-2 shadow-raised", variant === "sidebar" ? "inset-x-0" : "right-0 w-64")}>
        <p className="px-2.5 pt-1 pb-2 text-xs text-ink-muted">{t("hint", { count: programs.length })}</p>
        <div className="flex items-center gap-3 rounded-control bg-surface-muted px-2.5 py-2 text-sm" aria-current="true">
          <Initial name={current.name} current />
          <span className="min-w-0 flex-1 truncate font-semibold text-ink">{current.name}</span>
          <span className="text-xs text-ink-muted">{t("current")}</span>
        </div>
        <form action={formAction} className="mt-1 space-y-0.5">
          <input type="hidden" name="returnTo" value={pathname} />
          {others.map((p) => (
            <Choice key={p.id} program={p} />
          ))}
        </form>
        {state.message ? (
          <p className="mt-2 px-2.5 text-xs text-accent-700" data-testid="switch-error">
            {state.message.text}
          </p>
        ) : null}
      </div>
    </details>
  );
}
