import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/sign-out-actions";

export type MenuUser = { name: string | null; email: string };

type UserMenuProps = {
  user: MenuUser;
  /** Where the panel opens: above the button (sidebar foot) or below it (headers). */
  placement?: "up" | "down";
  /** "compact" shows only the initials (phone headers). */
  variant?: "full" | "compact";
  className?: string;
};

function initialsOf(user: MenuUser): string {
  const source = user.name?.trim() || user.email;
  const parts = source.split(/[\s.@_-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (user.name ? (parts[1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * Name, email, sign out and sign out everywhere. A <details> disclosure with
 * plain forms posting to server actions: it works before hydration.
 */
export function UserMenu({ user, placement = "down", variant = "full", className }: UserMenuProps) {
  const t = useTranslations("Account");
  return (
    <details className={clsx("group relative", className)} data-testid="user-menu">
      <summary
        className="flex cursor-pointer list-none items-center gap-2.5 rounded-control px-2 py-1.5 text-left hover:bg-surface-muted [&::-webkit-details-marker]:hidden"
        // The compact button shows only initials: it is named "Your account". The full one keeps its visible name and
        // email in its accessible name (WCAG 2.5.3), with "Your account" before them for screen readers.
        aria-label={variant === "compact" ? t("menu") : undefined}
      >
        <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">{initialsOf(user)}</span>
        {variant === "full" ? (
          <span className="min-w-0 flex-1 leading-tight">
            <span className="sr-only">{t("menu")}: </span>
            <span className="block truncate text-sm font-medium text-ink">{user.name ?? user.email}</span>
            {user.name ? <span className="block truncate text-xs text-ink-subtle">{user.email}</span> : null}
          </span>
        ) : null}
        <Icon name="arrowRight" className={clsx("size-4 shrink-0 text-ink-subtle transition-transform", placement === "up" ? "-rotate-90 group-open:rotate-90" : "rotate-90 group-open:-rotate-90")} />
      </summary>
      <div
        className={clsx(
          "absolute z-40 w-72 rounded-card border border-line bg-surface p-2 shadow-raised",
          placement === "up" ? "bottom-full left-0 mb-2" : "top-full right-0 mt-2",
        )}
      >
        <div className="border-b border-line px-3 pt-2 pb-3">
          <p className="text-xs text-ink-subtle">{t("signedInAs")}</p>
          {user.name ? <p className="truncate text-sm font-semibold text-ink">{user.name}</p> : null}
          <p className="truncate text-sm text-ink-muted" data-testid="user-menu-email">
            {user.email}
          </p>
        </div>
        <form action={signOutAction} className="mt-1">
          <button type="submit" className="flex w-full items-center gap-2.5 rounded-control px-3 py-2 text-left text-sm font-medium text-ink hover:bg-surface-muted">
            <Icon name="arrowLeft" className="size-4 text-ink-subtle" />
            {t("signOut")}
          </button>
        </form>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="flex w-full items-start gap-2.5 rounded-control px-3 py-2 text-left text-sm hover:bg-surface-muted">
            <Icon name="globe" className="mt-0.5 size-4 shrink-0 text-ink-subtle" />
            <span>
              <span className="block font-medium text-ink">{t("signOutEverywhere")}</span>
              <span className="block text-xs text-ink-subtle">{t("signOutEverywhereHint")}</span>
            </span>
          </button>
        </form>
      </div>
    </details>
  );
}
