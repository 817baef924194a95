import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { clsx } from "clsx";
import { formatCount } from "@/lib/format";
import type { CategoryTreeNode } from "@/lib/domain/catalog/category-tree";
import type { CategoryTree } from "@/lib/services/catalog/get-category-tree";

type Props = { tree: CategoryTree; selected?: string; query?: string; numberLocale: string };

const hrefFor = (category: string | undefined, query?: string) => {
  const params = new URLSearchParams();
  if (category) params.set("category", category);
  if (query) params.set("q", query);
  const text = params.toString();
  return text ? `/console/catalog?${text}` : "/console/catalog";
};

/** Departments → categories → subcategories; each links to the table filtered to it (and everything below). */
export async function CategoryTreeNav({ tree, selected, query, numberLocale }: Props) {
  const t = await getTranslations("Catalog");
  const item = (label: string, count: number, category: string | undefined, depth: number, testId?: string) => (
    <Link
      href={hrefFor(category, query)}
      aria-current={selected === category ? "page" : undefined}
      data-testid={testId}
      className={clsx(
        "flex items-center justify-between gap-2 rounded-control px-2 py-1.5 text-sm hover:bg-surface-muted",
        selected === category ? "bg-brand-50 font-semibold text-brand-700" : "text-ink",
        depth === 0 && "font-medium",
      )}
      style={{ paddingLeft: `${0.5 + depth * 1}rem` }}
    >
      <span className="truncate">{label}</span>
      <span className="shrink-0 text-xs text-ink-subtle tabular-nums">{formatCount(count, numberLocale)}</span>
    </Link>
  );
  const render = (nodes: CategoryTreeNode[], depth: number) => (
    <ul className="space-y-0.5">
      {nodes.map((n) => (
        <li key={n.code} data-testid="category-node" data-code={n.code} data-level={n.level}>
          {item(n.name, n.totalCount, n.code, depth)}
          {n.children.length ? render(n.children, depth + 1) : null}
        </li>
      ))}
    </ul>
  );
  return (
    <nav aria-label={t("tree.title")} className="p-3" data-testid="category-tree">
      {item(t("tree.all"), tree.totalProducts, undefined, 0)}
      {tree.departments.length ? render(tree.departments, 0) : <p className="px-2 py-2 text-sm text-ink-muted">{t("tree.none")}</p>}
      {tree.uncategorized ? item(t("tree.uncategorized"), tree.uncategorized, "-", 0, "uncategorized-node") : null}
    </nav>
  );
}
