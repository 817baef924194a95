import { listRewardMenus, listRewardsWithCounts } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { listMemberRewards, type MemberRewardView } from "./list-rewards";

export type MemberRewardOffer = MemberRewardView & { perMemberLimit: number | null; periodLimit: { count: number; days: number } | null };
export type MemberRewardGroup = { menu: { id: string; name: { es: string; en: string }; description: { es: string; en: string } | null } | null; rewards: MemberRewardOffer[] };

/**
 * The portal's rewards page: what this member may redeem now (listMemberRewards
 * authorizes the member for themselves), grouped by the program's reward menus
 * in their order, with the limits the member should know before spending.
 * Rewards outside any menu come last, in a group without a menu.
 */
export async function listMemberRewardMenus(db: Executor, actor: Actor, input: { programId: string; memberId: string }, now = new Date()): Promise<{ available: number; groups: MemberRewardGroup[] }> {
  const { available, rewards } = await listMemberRewards(db, actor, input, now);
  if (rewards.length === 0) return { available, groups: [] };
  const [menus, rows] = await Promise.all([listRewardMenus(db, input.programId), listRewardsWithCounts(db, { programId: input.programId, status: ["active"] })]);
  const terms = new Map(rows.map((r) => [r.id, { perMemberLimit: r.perMemberLimit ?? null, periodLimit: r.periodLimit ?? null }]));
  const offers = rewards.map((r) => ({ ...r, ...(terms.get(r.id) ?? { perMemberLimit: null, periodLimit: null }) }));
  const groups: MemberRewardGroup[] = [...menus]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((m) => ({ menu: { id: m.id, name: m.name, description: m.description ?? null }, rewards: offers.filter((r) => r.menuId === m.id) }));
  const known = new Set(menus.map((m) => m.id));
  groups.push({ menu: null, rewards: offers.filter((r) => !r.menuId || !known.has(r.menuId)) });
  return { available, groups: groups.filter((g) => g.rewards.length > 0) };
}
