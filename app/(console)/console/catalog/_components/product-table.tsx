import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatMoney } from "@/lib/format";
import type { ProductPage } from "@/lib/services/catalog/list-products";
import { ProductActiveButton } from "./product-active-button";

type Props = { page: ProductPage; canWrite: boolean; numberLocale: string; search: Record<string, string | undefined> };

/** One page of products in SKU order; "next" carries the last SKU as the cursor, keeping the filters. */
export async function ProductTable({ page, canWrite, numberLocale, search }: Props) {
  const t = await getTranslations("Catalog");
  if (!page.items.length) return <p className="px-5 py-10 text-center text-sm text-ink-muted" data-testid="no-products">{t("table.noMatch")}</p>;
  const next = new URLSearchParams(Object.entries({ ...search, cursor: page.nextCursor ?? "" }).filter((e): e is [string, string] => Boolean(e[1])));
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-left text-sm" data-testid="product-table">
          <thead className="border-b border-line bg-surface-muted text-xs font-medium text-ink-muted">
            <tr>
              <th scope="col" className="px-5 py-2.5">{t("table.sku")}</th>
              <th scope="col" className="px-3 py-2.5">{t("table.name")}</th>
              <th scope="col" className="px-3 py-2.5">{t("table.category")}</th>
              <th scope="col" className="px-3 py-2.5">{t("table.brand")}</th>
              <th scope="col" className="px-3 py-2.5 text-right">{t("table.unitCost")}</th>
              {canWrite ? <th scope="col" className="px-5 py-2.5"><span className="sr-only">{t("table.actions")}</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {page.items.map((p) => (
              <tr key={p.sku} data-testid="product-row" className={p.active ? undefined : "text-ink-subtle"}>
                <td className="px-5 py-2.5 font-mono text-xs whitespace-nowrap">{p.sku}</td>
                <td className="min-w-44 px-3 py-2.5">
                  {p.name} {p.active ? null : <Badge>{t("table.inactive")}</Badge>}
                </td>
                <td className="px-3 py-2.5 text-ink-muted">{p.categoryPath.length ? p.categoryPath.map((c) => c.name).join(" › ") : <span className="text-ink-subtle">{t("table.noCategory")}</span>}</td>
                <td className="px-3 py-2.5 whitespace-nowrap text-ink-muted">{p.brand ?? "—"}</td>
                <td className="px-3 py-2.5 text-right tabular-nums whitespace-nowrap">{p.unitCostMinor === null ? "—" : formatMoney(p.unitCostMinor, p.currency, numberLocale)}</td>
                {canWrite ? (
                  <td className="px-5 py-1.5 text-right">
                    <ProductActiveButton sku={p.sku} active={p.active} label={p.active ? t("table.deactivate") : t("table.reactivate")} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.nextCursor || search.cursor ? (
        <div className="flex justify-end gap-3 border-t border-line px-5 py-3">
          {search.cursor ? <Link href={`/console/catalog?${new URLSearchParams(Object.entries({ ...search, cursor: "" }).filter((e): e is [string, string] => Boolean(e[1])))}`} className={buttonClasses("ghost")}>{t("table.first")}</Link> : null}
          {page.nextCursor ? <Link href={`/console/catalog?${next}`} className={buttonClasses("secondary")} data-testid="next-page">{t("table.next")}</Link> : null}
        </div>
      ) : null}
    </>
  );
}
