import { setMemberTier } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { recordEvent } from "@/lib/services/events/record-event";

export type TierChange = { programId: string; memberId: string; from: string | null; to: string | null; reason: string; actorId?: string; now: Date };

/**
 * Every tier change goes through here (purchase upgrades, review downgrades,
 * manual overrides): the member's tier, its history row and the `tier.changed`
 * event are written in the caller's transaction.
 */
export async function changeMemberTier(tx: Executor, change: TierChange): Promise<void> {
  await setMemberTier(tx, change);
  await recordEvent(tx, change.programId, "tier.changed", { memberId: change.memberId, from: change.from, to: change.to, reason: change.reason }, change.now);
}
