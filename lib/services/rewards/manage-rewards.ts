import { findProductsBySku, getCategory } from "@/db/queries/catalog";
import { getRewardMenu, getReward, insertRewards, listRewardsWithCounts, updateReward, type RewardRow } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { parseInput } from "@/lib/validation/common";
import { createRewardSchema, REWARD_MESSAGES, rewardRefSchema, updateRewardSchema, type CreateRewardInput, type UpdateRewardInput } from "@/lib/validation/rewards";

type Fields = Omit<ReturnType<typeof updateRewardSchema.parse>, "programId" | "rewardId">;

function columnsOf(f: Fields) {
  const { tiers, segmentIds, description, target, ...rest } = f;
  const eligibility = tiers.length || segmentIds.length ? { ...(tiers.length ? { tiers } : {}), ...(segmentIds.length ? { segmentIds } : {}) } : null;
  return {
    ...rest,
    description: description && (description.es || description.en) ? description : null,
    eligibility,
    targetSku: target?.kind === "sku" ? target.sku : null,
    targetCategory: target?.kind === "category" ? target.code : null,
  };
}

async function checkMenu(db: Executor, programId: string, menuId: string | null) {
  if (menuId && !(await getRewardMenu(db, { programId, menuId }))) throw new NotFoundError("menu", menuId);
}

/** A target names a SKU or a category of this program's own catalog (deactivated products still count: old stock still sells). */
async function checkTarget(db: Executor, programId: string, target: Fields["target"]) {
  if (target?.kind === "sku" && !(await findProductsBySku(db, { programId, skus: [target.sku] })).length) throw new ValidationError({ "target.sku": [REWARD_MESSAGES.targetSkuUnknown] });
  if (target?.kind === "category" && !(await getCategory(db, { programId, code: target.code }))) throw new ValidationError({ "target.code": [REWARD_MESSAGES.targetCategoryUnknown] });
}

/** Adds a reward to the catalog (audited). */
export async function createReward(db: Executor, actor: Actor, input: CreateRewardInput): Promise<RewardRow> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const { programId, ...fields } = parseInput(createRewardSchema, input);
  await checkMenu(db, programId, fields.menuId);
  await checkTarget(db, programId, fields.target);
  return db.transaction(async (tx) => {
    // New rewards go to the end of the catalog (the portal lists rewards in sort order).
    const sortOrder = (await listRewardsWithCounts(tx, { programId })).reduce((max, r) => Math.max(max, r.sortOrder), 0) + 1;
    const [row] = await insertRewards(tx, [{ programId, ...columnsOf(fields), sortOrder }]);
    await recordAudit(tx, actor, { program, action: "reward.create", targetType: "reward", targetId: row!.id, after: row });
    return row!;
  });
}

/** Replaces a reward's terms (audited with before and after). Coupons already issued keep what they were issued with. */
export async function updateRewardTerms(db: Executor, actor: Actor, input: UpdateRewardInput): Promise<RewardRow> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const { programId, rewardId, ...fields } = parseInput(updateRewardSchema, input);
  await checkMenu(db, programId, fields.menuId);
  await checkTarget(db, programId, fields.target);
  return db.transaction(async (tx) => {
    const before = await getReward(tx, { programId, rewardId });
    if (!before) throw new NotFoundError("reward", rewardId);
    const after = (await updateReward(tx, { programId, rewardId }, columnsOf(fields)))!;
    await recordAudit(tx, actor, { program, action: "reward.update", targetType: "reward", targetId: rewardId, before, after });
    return after;
  });
}

/** Takes a reward out of the catalog; its issued coupons stay valid. */
export async function archiveReward(db: Executor, actor: Actor, input: { programId: string; rewardId: string }): Promise<RewardRow> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const { programId, rewardId } = parseInput(rewardRefSchema, input);
  return db.transaction(async (tx) => {
    const before = await getReward(tx, { programId, rewardId });
    if (!before) throw new NotFoundError("reward", rewardId);
    if (before.status === "archived") throw new UnprocessableError("reward_archived", "This reward is already archived.");
    const after = (await updateReward(tx, { programId, rewardId }, { status: "archived" }))!;
    await recordAudit(tx, actor, { program, action: "reward.archive", targetType: "reward", targetId: rewardId, before: { status: before.status }, after: { status: after.status } });
    return after;
  });
}
