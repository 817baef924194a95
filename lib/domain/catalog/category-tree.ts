import type { CategoryLevel } from "./category-code";

export type CategoryRow = { code: string; parentCode: string | null; name: string; level: number };

export type CategoryTreeNode = {
  code: string;
  name: string;
  level: CategoryLevel;
  /** Products filed directly under this node. */
  ownCount: number;
  /** Products here and in every node below. */
  totalCount: number;
  children: CategoryTreeNode[];
};

/**
 * Nests flat category rows into departments → categories → subcategories,
 * sorted by name, with product counts rolled up. A row whose parent is
 * missing becomes a root, so nothing the catalog holds is ever hidden.
 */
export function buildCategoryTree(rows: readonly CategoryRow[], counts: ReadonlyMap<string, number>): CategoryTreeNode[] {
  const nodes = new Map<string, CategoryTreeNode>();
  for (const r of rows) {
    const own = counts.get(r.code) ?? 0;
    nodes.set(r.code, { code: r.code, name: r.name, level: Math.min(3, Math.max(1, r.level)) as CategoryLevel, ownCount: own, totalCount: own, children: [] });
  }
  const roots: CategoryTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    (parent && parent !== node ? parent.children : roots).push(node);
  }
  const finish = (list: CategoryTreeNode[], depth: number): number => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    let sum = 0;
    for (const n of list) {
      // Depth guard: a corrupted parent loop cannot recurse forever.
      if (depth < 10) n.totalCount = n.ownCount + finish(n.children, depth + 1);
      sum += n.totalCount;
    }
    return sum;
  };
  finish(roots, 0);
  return roots;
}
