import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

/**
 * The counter's main control. Lookup needs a signed-in staff member (later
 * issue), so the submit stays disabled: a disabled default button also blocks
 * Enter-to-submit, and no results are ever invented.
 */
export function MemberSearch({ storeId }: { storeId: string }) {
  const t = useTranslations("Staff.search");
  return (
    <form role="search" action="/staff" method="get" className="rounded-card border border-line bg-surface p-6 shadow-card sm:p-8">
      <input type="hidden" name="store" value={storeId} />
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
      <label htmlFor="member-query" className="mt-5 block text-sm font-medium text-ink-muted">
        {t("label")}
      </label>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row">
        <div className="relative flex-1">
          <Icon name="search" className="pointer-events-none absolute top-1/2 left-4 size-6 -translate-y-1/2 text-ink-subtle" />
          <input
            id="member-query"
            name="q"
            type="search"
            autoFocus
            autoComplete="off"
            placeholder={t("placeholder")}
            aria-describedby="member-query-hint"
            className="h-16 w-full rounded-control border border-line-strong bg-surface pr-4 pl-13 text-lg text-ink placeholder:text-ink-subtle focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
          />
        </div>
        <button type="submit" disabled className={clsx(buttonClasses("primary", "xl"), "sm:w-40")}>
          {t("submit")}
        </button>
      </div>
      <p id="member-query-hint" className="mt-4 flex items-start gap-2 text-sm text-ink-muted">
        <Icon name="info" className="mt-0.5 size-4 shrink-0 text-brand-600" />
        {t("hint")}
      </p>
    </form>
  );
}
