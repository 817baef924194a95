import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

/** A plain GET form: the search lives in the URL, so results can be shared and paged. */
export async function MemberSearchForm({ q }: { q?: string }) {
  const t = await getTranslations("ConsoleMembers");
  return (
    <form method="get" role="search" aria-label={t("searchLabel")} className="flex flex-col gap-3 border-b border-line px-5 py-4 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="member-search" className="block text-xs font-medium text-ink-muted">
          {t("searchLabel")}
        </label>
        <div className="relative mt-1.5">
          <Icon name="search" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle" />
          <input
            id="member-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("searchPlaceholder")}
            maxLength={200}
            className="block h-10 w-full rounded-control border border-line-strong bg-surface pr-3 pl-9 text-sm text-ink placeholder:text-ink-subtle focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
          />
        </div>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          {t("search")}
        </button>
        {q ? (
          <Link href="/console/members" className={buttonClasses("ghost")}>
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
