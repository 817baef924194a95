/**
 * What a user of a business account may do. Roles are levels, each including
 * the ones before it: earn < redeem < manage.
 */
export const BUSINESS_USER_ROLES = ["earn", "redeem", "manage"] as const;
export type BusinessUserRole = (typeof BUSINESS_USER_ROLES)[number];
export type BusinessAction = "earn" | "redeem" | "manage";

export function roleAllows(role: BusinessUserRole, action: BusinessAction): boolean {
  return BUSINESS_USER_ROLES.indexOf(role) >= BUSINESS_USER_ROLES.indexOf(action);
}

/** Points the user may still redeem this month; null = no limit. */
export function remainingLimit(monthlyLimit: number | null, redeemedThisMonth: number): number | null {
  return monthlyLimit === null ? null : Math.max(0, monthlyLimit - redeemedThisMonth);
}

export type RedemptionVerdict =
  | { allowed: true }
  | { allowed: false; code: "permission_denied" }
  | { allowed: false; code: "redemption_limit_exceeded"; remaining: number };

/**
 * Whether a user may spend `points` of the pool now. The pool's own balance is
 * the ledger's check (insufficient_points); this is the company's policy.
 */
export function checkPoolRedemption(p: { role: BusinessUserRole; monthlyLimit: number | null; redeemedThisMonth: number; points: number }): RedemptionVerdict {
  if (!roleAllows(p.role, "redeem")) return { allowed: false, code: "permission_denied" };
  const remaining = remainingLimit(p.monthlyLimit, p.redeemedThisMonth);
  if (remaining !== null && p.points > remaining) return { allowed: false, code: "redemption_limit_exceeded", remaining };
  return { allowed: true };
}
