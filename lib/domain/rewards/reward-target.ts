/**
 * What part of a basket a reward applies to: one SKU of the catalog, or a
 * category node at any level of the hierarchy (department, category,
 * subcategory); null = the whole ticket. Pure: the caller classifies the
 * basket lines from the catalog (category path from the department down).
 */
export type RewardTargetRef = { kind: "sku"; sku: string } | { kind: "category"; code: string };

/** The target as members, staff and integrations see it: with the catalog's name (null if it left the catalog). */
export type RewardTarget = { kind: "sku"; sku: string; name: string | null } | { kind: "category"; code: string; name: string | null; level: number | null };

export type TargetLine = { sku?: string; categoryPath: readonly string[] };

/** The stored columns as a target reference (a SKU wins if both were ever set; the schema forbids it). */
export function targetOf(columns: { targetSku: string | null; targetCategory: string | null }): RewardTargetRef | null {
  if (columns.targetSku) return { kind: "sku", sku: columns.targetSku };
  if (columns.targetCategory) return { kind: "category", code: columns.targetCategory };
  return null;
}

/** Whether one basket line is what the target names: the SKU itself, or anything filed at or below the category. */
export function lineQualifies(target: RewardTargetRef | null, line: TargetLine): boolean {
  if (!target) return true;
  return target.kind === "sku" ? line.sku === target.sku : line.categoryPath.includes(target.code);
}

/** The (0-based) indexes of the basket lines the reward applies to; every line when it has no target. */
export function qualifyingLines(target: RewardTargetRef | null, lines: readonly TargetLine[]): number[] {
  return lines.flatMap((line, index) => (lineQualifies(target, line) ? [index] : []));
}
