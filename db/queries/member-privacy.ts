import { and, eq, sql } from "drizzle-orm";
import { members, oneTimeCodes } from "../schema";
import type { Executor } from "../types";
import type { MemberRow } from "./members";

/**
 * Clears everything that identifies the member and marks them anonymized.
 * The card number must stay unique and non-null, so it becomes a random
 * stand-in that cannot be traced back to the printed card.
 */
export async function anonymizeMemberRow(tx: Executor, p: { programId: string; memberId: string; cardStandIn: string; now: Date }): Promise<MemberRow> {
  const [row] = await tx
    .update(members)
    .set({
      status: "anonymized",
      name: null,
      email: null,
      phone: null,
      birthday: null,
      externalId: null,
      city: null,
      locale: null,
      referralCode: null,
      cardNumber: p.cardStandIn,
      consentMarketing: false,
      consentPersonalization: false,
      updatedAt: p.now,
    })
    .where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)))
    .returning();
  return row!;
}

/** Sign-in codes mailed to an address: dropped with the account, so none can still be used and the address is not kept. */
export async function deleteCodesForEmail(tx: Executor, p: { programId: string; email: string }): Promise<void> {
  await tx.delete(oneTimeCodes).where(and(eq(oneTimeCodes.programId, p.programId), sql`lower(${oneTimeCodes.email}) = lower(${p.email})`));
}

/** The status of a member (for sessions: an anonymized or suspended member's session ends). */
export async function getMemberStatus(db: Executor, p: { programId: string; memberId: string }): Promise<MemberRow["status"] | null> {
  const [row] = await db.select({ status: members.status }).from(members).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)));
  return row?.status ?? null;
}
