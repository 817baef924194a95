/**
 * Referral rules, pure: who may refer whom, and what a qualifying purchase
 * earns given the referrer's limit. Identities are compared normalised, so a
 * second address of the same mailbox or the same phone written another way
 * is still the same person.
 */

export type ReferralSettings = {
  /** Points for the member who shared the code. */
  referrerPoints: number;
  /** Points for the new member. */
  refereePoints: number;
  /** Rewarded referrals per referrer; null = no limit. Beyond it referrals are recorded but not rewarded. */
  limitPerReferrer: number | null;
  /** The new member's first purchase of at least this amount (minor units) qualifies. */
  minPurchaseMinor: number;
};

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = { referrerPoints: 100, refereePoints: 50, limitPerReferrer: 10, minPurchaseMinor: 0 };

/** Stored settings over the defaults (a program that never saved them gets the defaults). */
export function referralSettingsOf(stored: Partial<ReferralSettings> | undefined): ReferralSettings {
  const d = DEFAULT_REFERRAL_SETTINGS;
  return {
    referrerPoints: stored?.referrerPoints ?? d.referrerPoints,
    refereePoints: stored?.refereePoints ?? d.refereePoints,
    // null is a choice (no limit), so only a missing value falls back.
    limitPerReferrer: stored?.limitPerReferrer === undefined ? d.limitPerReferrer : stored.limitPerReferrer,
    minPurchaseMinor: stored?.minPurchaseMinor ?? d.minPurchaseMinor,
  };
}

/** Lower case, trimmed; the +tag of the local part dropped; dots ignored where the provider ignores them (Gmail). */
export function normalizeEmail(email: string): string {
  const [local = "", domain = ""] = email.trim().toLowerCase().split("@");
  const base = local.split("+")[0]!;
  const host = domain === "googlemail.com" ? "gmail.com" : domain;
  return `${host === "gmail.com" ? base.replaceAll(".", "") : base}@${host}`;
}

/** Digits only. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "");
}

/**
 * Two phones are the same line when their digits match, or when one is the
 * other with a country code in front (at least 8 digits in common, so short
 * numbers never match by accident).
 */
export function samePhone(a: string, b: string): boolean {
  const x = normalizePhone(a);
  const y = normalizePhone(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 8 && long.length - short.length <= 3 && long.endsWith(short);
}

export type Identity = { id?: string | null; email?: string | null; phone?: string | null };

export type ReferralRefusal = "self_referral" | "same_identity";

/** Why `referee` may not use `referrer`'s code, or null when they may. */
export function refuseReferral(referrer: Identity, referee: Identity): ReferralRefusal | null {
  if (referee.id && referrer.id === referee.id) return "self_referral";
  if (referrer.email && referee.email && normalizeEmail(referrer.email) === normalizeEmail(referee.email)) return "same_identity";
  if (referrer.phone && referee.phone && samePhone(referrer.phone, referee.phone)) return "same_identity";
  return null;
}

/** Whether a purchase of `amountMinor` is a qualifying one. */
export function qualifies(amountMinor: number, settings: Pick<ReferralSettings, "minPurchaseMinor">): boolean {
  return amountMinor > 0 && amountMinor >= settings.minPurchaseMinor;
}

export type RewardDecision = { reward: true; referrerPoints: number; refereePoints: number } | { reward: false; reason: "limit_reached" };

/** What a due referral gets, given how many of the referrer's referrals were already rewarded. */
export function decideReward(settings: ReferralSettings, rewardedSoFar: number): RewardDecision {
  if (settings.limitPerReferrer !== null && rewardedSoFar >= settings.limitPerReferrer) return { reward: false, reason: "limit_reached" };
  return { reward: true, referrerPoints: settings.referrerPoints, refereePoints: settings.refereePoints };
}
