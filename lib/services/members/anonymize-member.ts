import { randomBytes } from "node:crypto";
import { getAccountByMember } from "@/db/queries/ledger";
import { lockMember } from "@/db/queries/member-updates";
import { deleteLeaderboardEntry } from "@/db/queries/leaderboard";
import { anonymizeMemberRow, deleteCodesForEmail } from "@/db/queries/member-privacy";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { adjustPoints } from "@/lib/services/ledger/adjust-points";
import { parseInput } from "@/lib/validation/common";
import { deleteMyAccountSchema } from "@/lib/validation/member-privacy";
import { selfRef } from "./self-ref";

export const FORFEIT_REASON = "Account deleted at the member's request: available points forfeited";

/**
 * The member deletes their account. In one transaction:
 *  1. available points are forfeited through the ledger (an adjustment with a
 *     reason and a per-member idempotency key), so the program's liability
 *     drops and every ledger invariant still holds;
 *  2. the member row loses everything that identifies the person (name,
 *     email, phone, birthday, external id, city, card number) and becomes
 *     `anonymized` — their sessions end (auth.ts checks the status) and the
 *     address can no longer sign in;
 *  3. unused sign-in codes for the address are deleted, and so is their
 *     place on the challenges leaderboard (the name it showed was theirs);
 *  4. the audit log records it with the member as the actor — without the
 *     personal data, which would defeat the deletion.
 * Ledger entries, lots and coupons stay: they carry no personal data, and the
 * program's totals must still add up.
 */
export async function anonymizeMyAccount(db: Executor, actor: Actor, input: { confirm?: unknown }, now = new Date()): Promise<{ forfeited: number }> {
  const ref = selfRef(actor);
  parseInput(deleteMyAccountSchema, input);
  return db.transaction(async (tx) => {
    const [member, program] = await Promise.all([lockMember(tx, ref), getProgramById(tx, ref.programId)]);
    if (!member || member.status !== "active" || !program) throw new NotFoundError("member", ref.memberId);
    const account = await getAccountByMember(tx, ref);
    const forfeited = account?.available ?? 0;
    if (forfeited > 0) {
      await adjustPoints(
        tx,
        { programId: ref.programId, memberId: ref.memberId, points: -forfeited, reason: FORFEIT_REASON, idempotencyKey: `anonymize:${ref.memberId}`, actor: { type: "member", id: ref.memberId }, channel: "portal" },
        now,
      );
    }
    if (member.email) await deleteCodesForEmail(tx, { programId: ref.programId, email: member.email });
    await deleteLeaderboardEntry(tx, ref);
    await anonymizeMemberRow(tx, { ...ref, cardStandIn: `X${randomBytes(8).toString("hex").toUpperCase()}`, now });
    await recordAudit(tx, actor, {
      program,
      action: "member.anonymized",
      targetType: "member",
      targetId: ref.memberId,
      before: { status: member.status, available: forfeited, pending: account?.pending ?? 0 },
      after: { status: "anonymized", forfeitedPoints: forfeited },
    });
    return { forfeited };
  });
}
