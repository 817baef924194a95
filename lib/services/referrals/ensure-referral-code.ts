import { randomInt } from "node:crypto";
import { findMemberByReferralCode, setMemberReferralCode } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import { isUniqueViolation } from "@/db/rows";
import { makeReferralCode } from "@/lib/domain/referrals/referral-code";

/** A code nobody in the program has yet (checked; the unique index settles a race). */
export async function freshReferralCode(db: Executor, programId: string): Promise<string> {
  for (;;) {
    const code = makeReferralCode((n) => randomInt(n));
    if (!(await findMemberByReferralCode(db, { programId, code }))) return code;
  }
}

/**
 * The member's referral code, made on first use for members enrolled before
 * referrals existed (new members get one at enrolment). Two first visits at
 * once agree: only a null column is written, and the second reads the first's code.
 */
export async function ensureReferralCode(db: Executor, p: { programId: string; memberId: string }): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const code = await db.transaction(async (tx) => setMemberReferralCode(tx, { ...p, code: await freshReferralCode(tx, p.programId) }));
      if (code) return code;
      throw new Error(`member ${p.memberId} not found`);
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, "members_program_referral_key")) continue;
      throw error;
    }
  }
}
