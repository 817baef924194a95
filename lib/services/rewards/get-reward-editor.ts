import { listCategories, listProductsPage } from "@/db/queries/catalog";
import { getFirstPublishedPlanVersion, getLivePlanVersion, listSegmentOptions } from "@/db/queries/plans";
import { countFreePartnerCodes, getReward, listRewardMenus, type RewardMenuRow, type RewardRow } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { buildCategoryTree, type CategoryTreeNode } from "@/lib/domain/catalog/category-tree";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { NotFoundError } from "@/lib/errors";
import { requireProgram } from "./reward-access";

export type RewardEditor = {
  currency: string;
  tiers: { key: string; name: { es: string; en: string } }[];
  menus: RewardMenuRow[];
  reward: RewardRow | null;
  freeCodes: number;
  /** The program's segments, for the eligibility picker. */
  segments: { id: string; name: string }[];
  /** The catalog's categories in tree order (department, its categories, their subcategories), for the target picker. */
  categories: { code: string; name: string; level: number; path: string[] }[];
  /** Some of the catalog's products (SKU order), to suggest SKUs; the service checks any SKU typed. */
  products: { sku: string; name: string }[];
};

/** How many products the SKU field suggests; a bigger catalog is typed (and checked) rather than listed. */
const SUGGESTED_PRODUCTS = 300;

/** The tree, flattened depth-first, each node with the names above it. */
function flatten(nodes: CategoryTreeNode[], above: string[] = []): RewardEditor["categories"] {
  return nodes.flatMap((n) => [{ code: n.code, name: n.name, level: n.level, path: above }, ...flatten(n.children, [...above, n.name])]);
}

/** What the reward form needs: the program's currency, its plan's tiers, its menus and (when editing) the reward. */
export async function getRewardEditor(db: Executor, actor: Actor, input: { programId: string; rewardId?: string }, now = new Date()): Promise<RewardEditor> {
  const program = await requireProgram(db, input.programId);
  authorize(actor, "rewards:read", program);
  const reward = input.rewardId ? ((await getReward(db, { programId: program.id, rewardId: input.rewardId })) ?? null) : null;
  if (input.rewardId && !reward) throw new NotFoundError("reward", input.rewardId);
  const version = (await getLivePlanVersion(db, { programId: program.id, at: now })) ?? (await getFirstPublishedPlanVersion(db, program.id));
  const tiers = ((version?.definition as PlanDefinition | undefined)?.tiers ?? []).map((t) => ({ key: t.key, name: t.name }));
  const freeCodes = reward?.kind === "partner_perk" ? await countFreePartnerCodes(db, { programId: program.id, rewardId: reward.id }) : 0;
  const [menus, segments, categories, products] = await Promise.all([
    listRewardMenus(db, program.id),
    listSegmentOptions(db, { programId: program.id }),
    listCategories(db, program.id),
    listProductsPage(db, { programId: program.id, limit: SUGGESTED_PRODUCTS }),
  ]);
  return {
    currency: program.currency,
    tiers,
    menus,
    reward,
    freeCodes,
    segments,
    categories: flatten(buildCategoryTree(categories, new Map())),
    products: products.rows.map((p) => ({ sku: p.sku, name: p.name })),
  };
}
