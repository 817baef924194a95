/**
 * Category codes are derived from the names along the path, so the same
 * spreadsheet always yields the same codes and a "Accesorios" under two
 * departments stays two categories: `electronica`, `electronica/audio`,
 * `electronica/audio/audifonos`. Rules and rewards store these codes.
 */
export const CATEGORY_SEPARATOR = "/";

/** Lowercase, accents dropped, anything but letters and digits (of any script) collapsed to "-". */
export function slugify(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** The code of the last name in `names` (department first). */
export function categoryCodeOf(names: readonly string[]): string {
  return names.map(slugify).join(CATEGORY_SEPARATOR);
}

export type CategoryLevel = 1 | 2 | 3;
export const CATEGORY_LEVELS = ["department", "category", "subcategory"] as const;

export type CategoryNode = { code: string; parentCode: string | null; name: string; level: CategoryLevel };

/**
 * The categories a product's path needs (department → category → subcategory),
 * for upserting alongside the product. An empty path is an uncategorised product.
 */
export function categoryNodesOf(path: readonly string[]): CategoryNode[] {
  return path.map((name, i) => ({
    code: categoryCodeOf(path.slice(0, i + 1)),
    parentCode: i === 0 ? null : categoryCodeOf(path.slice(0, i)),
    name,
    level: (i + 1) as CategoryLevel,
  }));
}

/** Every distinct category of a batch; the first spelling of a name wins. */
export function collectCategoryNodes(paths: Iterable<readonly string[]>): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const path of paths) for (const node of categoryNodesOf(path)) if (!nodes.has(node.code)) nodes.set(node.code, node);
  return [...nodes.values()];
}
