import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatCount, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getCategoryTree } from "@/lib/services/catalog/get-category-tree";
import type { CategoryTreeNode } from "@/lib/domain/catalog/category-tree";
import { listProducts } from "@/lib/services/catalog/list-products";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { CatalogEmpty } from "./_components/catalog-empty";
import { CategoryTreeNav } from "./_components/category-tree-nav";
import { ProductFilters } from "./_components/product-filters";
import { ProductTable } from "./_components/product-table";
import { CsvDownloadLink } from "../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Catalog"))("title") };
}

type Search = { q?: string; category?: string; cursor?: string; inactive?: string };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireUser("/console/catalog");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db, locale, search] = await Promise.all([getTranslations("Catalog"), getAppDb(), getLocale(), searchParams]);
  const filters = { q: search.q, category: search.category === "-" ? undefined : search.category, uncategorized: search.category === "-", includeInactive: search.inactive === "1" };
  const result = await guardRead(async () => {
    const tree = await getCategoryTree(db, actor, { programId: program.id });
    const page = await listProducts(db, actor, { programId: program.id, ...filters, cursor: search.cursor, limit: 50 });
    return { tree, page };
  });
  if (!result.allowed) return <AccessDenied />;
  const { tree, page } = result.data;
  const formatLocale = numberLocale(locale, tree.locale);
  const selectedName = search.category === "-" ? t("tree.uncategorized") : search.category ? findName(tree.departments, search.category) : undefined;
  const importLink = tree.canWrite ? (
    <ButtonLink href="/console/catalog/import" data-testid="catalog-import-link">
      <Icon name="layers" className="size-4" />
      {t("importCsv")}
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={<div className="flex flex-wrap items-start gap-2"><CsvDownloadLink href="/console/catalog/export" actor={actor} programId={program.id} testId="products-csv" />{importLink}</div>} />
      {tree.totalProducts === 0 && !filters.includeInactive ? (
        <div className="mt-8">
          <CatalogEmpty canWrite={tree.canWrite} locale={locale} currency={tree.currency} />
        </div>
      ) : (
        <div className="mt-8 grid items-start gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <Card>
            <CardHeader title={t("tree.title")} description={t("tree.count", { count: tree.totalProducts, formatted: formatCount(tree.totalProducts, formatLocale) })} />
            <CategoryTreeNav tree={tree} selected={search.category} query={search.q} numberLocale={formatLocale} />
          </Card>
          <Card>
            <CardHeader
              title={selectedName ? t("table.titleIn", { category: selectedName }) : t("table.title")}
              description={t("table.count", { count: page.total, formatted: formatCount(page.total, formatLocale) })}
              action={selectedName ? <Link href="/console/catalog" className="text-sm font-medium text-brand-700 hover:underline">{t("table.clearFilter")}</Link> : null}
            />
            <ProductFilters q={search.q ?? ""} category={search.category ?? ""} inactive={filters.includeInactive} />
            <ProductTable page={page} canWrite={tree.canWrite} numberLocale={formatLocale} search={search} />
          </Card>
        </div>
      )}
    </>
  );
}

/** The selected category's path as shown in the heading (department › category › subcategory). */
function findName(nodes: CategoryTreeNode[], code: string, trail: string[] = []): string | undefined {
  for (const n of nodes) {
    if (n.code === code) return [...trail, n.name].join(" › ");
    const below = findName(n.children, code, [...trail, n.name]);
    if (below) return below;
  }
  return undefined;
}
