import { setMemberTier } from "@/db/queries/members";
import { lockMember, setTierOverrideUntil } from "@/db/queries/member-directory";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { recordEvent } from "@/lib/services/events/record-event";
import { parseInput } from "@/lib/validation/common";
import { overrideMemberTierSchema, type OverrideMemberTierInput } from "@/lib/validation/member-admin";

export type OverrideMemberTierResult = { from: string | null; to: string; until: string };

/**
 * Puts a member in a tier by hand until a date (members:write), with a reason.
 * Sets `tier_override_until`, which tier reviews respect (no downgrade while it
 * holds); writes the tier history, the audit log (before/after) and a
 * `tier.changed` event, all in one transaction with the member row locked.
 */
export async function overrideMemberTier(db: Executor, actor: Actor, input: OverrideMemberTierInput, now = new Date()): Promise<OverrideMemberTierResult> {
  const program = await authorizeProgram(db, actor, "members:write", input.programId);
  const data = parseInput(overrideMemberTierSchema, input);
  if (data.until <= now) throw new ValidationError({ until: ["The override must end in the future."] });
  const plan = (await getLivePlanVersion(db, { programId: program.id, at: now }))?.definition as PlanDefinition | undefined;
  if (!plan?.tiers.some((t) => t.key === data.tierKey)) throw new ValidationError({ tierKey: ["Pick a tier of the live plan."] });

  return db.transaction(async (tx) => {
    const member = await lockMember(tx, { programId: program.id, memberId: data.memberId });
    if (!member) throw new NotFoundError("member", data.memberId);
    const before = { tier: member.tierKey, overrideUntil: member.tierOverrideUntil?.toISOString() ?? null };
    const { actorId } = actorRef(actor);
    await setMemberTier(tx, { programId: program.id, memberId: member.id, from: member.tierKey, to: data.tierKey, reason: `override: ${data.reason}`, actorId: actor.kind === "user" ? actorId : undefined, now });
    await setTierOverrideUntil(tx, { programId: program.id, memberId: member.id, until: data.until, now });
    const after = { tier: data.tierKey, overrideUntil: data.until.toISOString(), reason: data.reason };
    await recordAudit(tx, actor, { program, action: "member.tier_override", targetType: "member", targetId: member.id, before, after });
    await recordEvent(tx, program.id, "tier.changed", { memberId: member.id, from: member.tierKey, to: data.tierKey, reason: "override", overrideUntil: after.overrideUntil, occurredAt: now.toISOString() });
    return { from: member.tierKey, to: data.tierKey, until: after.overrideUntil };
  });
}
