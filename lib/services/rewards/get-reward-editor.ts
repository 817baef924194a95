import { getFirstPublishedPlanVersion, getLivePlanVersion, listSegmentOptions } from "@/db/queries/plans";
import { countFreePartnerCodes, getReward, listRewardMenus, type RewardMenuRow, type RewardRow } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
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
};

/** What the reward form needs: the program's currency, its plan's tiers, its menus and (when editing) the reward. */
export async function getRewardEditor(db: Executor, actor: Actor, input: { programId: string; rewardId?: string }, now = new Date()): Promise<RewardEditor> {
  const program = await requireProgram(db, input.programId);
  authorize(actor, "rewards:read", program);
  const reward = input.rewardId ? ((await getReward(db, { programId: program.id, rewardId: input.rewardId })) ?? null) : null;
  if (input.rewardId && !reward) throw new NotFoundError("reward", input.rewardId);
  const version = (await getLivePlanVersion(db, { programId: program.id, at: now })) ?? (await getFirstPublishedPlanVersion(db, program.id));
  const tiers = ((version?.definition as PlanDefinition | undefined)?.tiers ?? []).map((t) => ({ key: t.key, name: t.name }));
  const freeCodes = reward?.kind === "partner_perk" ? await countFreePartnerCodes(db, { programId: program.id, rewardId: reward.id }) : 0;
  return { currency: program.currency, tiers, menus: await listRewardMenus(db, program.id), reward, freeCodes, segments: await listSegmentOptions(db, { programId: program.id }) };
}
