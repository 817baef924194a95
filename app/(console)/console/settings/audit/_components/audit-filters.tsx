import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { AuditFilters as Filters } from "../actions";

const ACTION_SUGGESTIONS = ["team.", "api_key.", "store.", "points.", "team.add", "team.change", "team.remove", "api_key.create", "api_key.revoke"];

const input =
  "mt-1.5 block h-10 w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-subtle focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none";

/** A plain GET form: filters live in the URL, so a filtered view can be shared and exported as is. */
export async function AuditFilterForm({ filters, exportHref, canExport }: { filters: Filters; exportHref: string; canExport: boolean }) {
  const t = await getTranslations("Audit.filters");
  return (
    <form method="get" className="grid gap-4 border-b border-line px-5 py-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto]" role="search" aria-label={t("label")}>
      <div>
        <label htmlFor="filter-action" className="block text-xs font-medium text-ink-muted">{t("action")}</label>
        <input id="filter-action" name="action" list="audit-actions" defaultValue={filters.action} placeholder="team." className={input} />
        <datalist id="audit-actions">
          {ACTION_SUGGESTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="filter-actor" className="block text-xs font-medium text-ink-muted">{t("actor")}</label>
        <input id="filter-actor" name="actor" defaultValue={filters.actor} placeholder={t("actorPlaceholder")} className={input} />
      </div>
      <div>
        <label htmlFor="filter-from" className="block text-xs font-medium text-ink-muted">{t("from")}</label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from} className={input} />
      </div>
      <div>
        <label htmlFor="filter-to" className="block text-xs font-medium text-ink-muted">{t("to")}</label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to} className={input} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClasses("primary")}>{t("apply")}</button>
        <Link href="/console/settings/audit" className={buttonClasses("ghost")}>{t("clear")}</Link>
        {canExport ? (
          <a href={exportHref} className={buttonClasses("secondary")} download data-testid="audit-export">
            {t("export")}
          </a>
        ) : null}
      </div>
    </form>
  );
}
