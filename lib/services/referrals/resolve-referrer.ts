import { findMemberByReferralCode } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import { normalizeReferralCode } from "@/lib/domain/referrals/referral-code";
import { refuseReferral, type Identity } from "@/lib/domain/referrals/referral-rules";
import { ReferralError } from "./referral-errors";

export type Referrer = { id: string; code: string };

/**
 * The active member whose code this is, checked against the new member's
 * identity (self-referral, same email or phone); throws a ReferralError otherwise.
 * Reads only, so a refused code writes nothing.
 */
export async function resolveReferrer(db: Executor, p: { programId: string; code: string; referee: Identity }): Promise<Referrer> {
  const code = normalizeReferralCode(p.code);
  const referrer = code ? await findMemberByReferralCode(db, { programId: p.programId, code }) : undefined;
  // A suspended or anonymized member's code reads as unknown: it must not say whose it was.
  if (!code || !referrer || referrer.status !== "active") throw new ReferralError("referral_code_unknown");
  const refusal = refuseReferral(referrer, p.referee);
  if (refusal) throw new ReferralError(refusal);
  return { id: referrer.id, code };
}
