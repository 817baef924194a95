import { LazoError } from "@/lib/errors";
import type { ReferralRefusal } from "@/lib/domain/referrals/referral-rules";

export type ReferralErrorCode = "referral_code_unknown" | ReferralRefusal;

const MESSAGES: Record<ReferralErrorCode, string> = {
  referral_code_unknown: "No member of this program has that referral code.",
  self_referral: "A member cannot use their own referral code.",
  same_identity: "The referral code belongs to a member with the same email or phone.",
};

/**
 * A referral code that cannot be used: 422 with a stable code and the
 * `referralCode` field named, so forms and problem+json point at the field.
 * Thrown before anything is written.
 */
export class ReferralError extends LazoError {
  constructor(readonly reason: ReferralErrorCode) {
    super(reason === "referral_code_unknown" ? reason : `referral_${reason}`, MESSAGES[reason], 422, { fields: { referralCode: [MESSAGES[reason]] } });
  }
}
