import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** Search by SKU, name or brand inside the chosen category (a plain GET form: the URL is shareable). */
export async function ProductFilters({ q, category, inactive }: { q: string; category: string; inactive: boolean }) {
  const t = await getTranslations("Catalog");
  return (
    <form method="get" action="/console/catalog" role="search" className="flex flex-wrap items-end gap-3 border-b border-line px-5 py-3" data-testid="product-search">
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <label className="min-w-48 flex-1 text-sm">
        <span className="mb-1 block font-medium text-ink">{t("filters.search")}</span>
        <input type="search" name="q" defaultValue={q} placeholder={t("filters.placeholder")} className="w-full rounded-control border border-line-strong bg-surface px-3 py-2 text-sm text-ink" />
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm text-ink-muted">
        <input type="checkbox" name="inactive" value="1" defaultChecked={inactive} className="size-4 accent-brand-600" />
        {t("filters.showInactive")}
      </label>
      <Button type="submit" variant="secondary">
        {t("filters.submit")}
      </Button>
    </form>
  );
}
