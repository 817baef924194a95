import { findProductsBySku, listCategoriesByCode } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import { targetOf, type RewardTarget } from "@/lib/domain/rewards/reward-target";

type Targeted = { id: string; targetSku: string | null; targetCategory: string | null };

/**
 * Each targeted reward's target with the catalog's name ("Footwear", "Espresso
 * 250 g"), in two queries for any number of rewards. A SKU or category that
 * has since left the catalog keeps its code with a null name.
 */
export async function resolveRewardTargets(db: Executor, programId: string, rewards: readonly Targeted[]): Promise<Map<string, RewardTarget>> {
  const refs = rewards.flatMap((r) => {
    const target = targetOf(r);
    return target ? [{ id: r.id, target }] : [];
  });
  if (!refs.length) return new Map();
  const skus = refs.flatMap(({ target }) => (target.kind === "sku" ? [target.sku] : []));
  const codes = refs.flatMap(({ target }) => (target.kind === "category" ? [target.code] : []));
  const [products, categories] = await Promise.all([findProductsBySku(db, { programId, skus }), listCategoriesByCode(db, { programId, codes })]);
  const productName = new Map(products.map((p) => [p.sku, p.name]));
  const category = new Map(categories.map((c) => [c.code, c]));
  return new Map(
    refs.map(({ id, target }): [string, RewardTarget] =>
      target.kind === "sku"
        ? [id, { kind: "sku", sku: target.sku, name: productName.get(target.sku) ?? null }]
        : [id, { kind: "category", code: target.code, name: category.get(target.code)?.name ?? null, level: category.get(target.code)?.level ?? null }],
    ),
  );
}
