import { findAccountByPointAccount, findMembership, getAccountUser, getBusinessAccount, sumRedeemedByUser, type Membership } from "@/db/queries/business-accounts";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { checkPoolRedemption, remainingLimit, roleAllows } from "@/lib/domain/business-accounts/user-permissions";
import { localPeriodStart } from "@/lib/domain/plan/tier-review";
import { UnprocessableError } from "@/lib/errors";
import type { AccountLocator, OperationContext } from "@/lib/services/ledger/run-ledger-operation";

/**
 * Where a member's points go and come from: the pool of the business account
 * they buy for, or their own account. Ledger operations call this from their
 * `locate` step, so the pool's row is what gets locked: every user of one
 * account queues on that one lock, which is what keeps the pool (and each
 * user's monthly limit) from being overspent by concurrent redemptions.
 */
export async function locateMemberPoints(tx: Executor, p: { programId: string; memberId: string }): Promise<{ locator: AccountLocator; membership: Membership | null }> {
  const membership = (await findMembership(tx, p)) ?? null;
  return { locator: membership ? { accountId: membership.account.pointAccountId } : { memberId: p.memberId }, membership };
}

/** The first instant of this calendar month on the program's clock (limits are per month). */
export function limitPeriodStart(now: Date, timeZone: string): Date {
  return localPeriodStart("month", now, timeZone);
}

/** Points a user redeemed from the pool this month, and what their limit still allows (null = no limit). */
export async function userRedemptionUsage(db: Executor, p: { programId: string; pointAccountId: string; memberId: string; monthlyLimit: number | null; now: Date; timeZone: string }) {
  const redeemed = (await sumRedeemedByUser(db, { programId: p.programId, pointAccountId: p.pointAccountId, memberId: p.memberId, since: limitPeriodStart(p.now, p.timeZone) })).get(p.memberId) ?? 0;
  return { redeemedThisMonth: redeemed, remainingThisMonth: remainingLimit(p.monthlyLimit, redeemed) };
}

/**
 * What a buyer of a business account can spend now, for the portal's reward
 * menu: the pool's available points, capped by what their monthly limit still
 * allows (nothing without the redeem permission), at the account's tier.
 * Null when the member buys for no account (their own points count).
 */
export async function pooledSpendingPower(db: Executor, p: { programId: string; memberId: string; now: Date; timeZone: string }): Promise<{ available: number; tierKey: string | null } | null> {
  const membership = await findMembership(db, { programId: p.programId, memberId: p.memberId });
  if (!membership) return null;
  const { account, user } = membership;
  if (!roleAllows(user.role, "redeem")) return { available: 0, tierKey: account.tierKey };
  const pool = await getBusinessAccount(db, { programId: p.programId, accountId: account.id });
  const { remainingThisMonth } = await userRedemptionUsage(db, { programId: p.programId, pointAccountId: account.pointAccountId, memberId: p.memberId, monthlyLimit: user.monthlyRedemptionLimit, now: p.now, timeZone: p.timeZone });
  const available = pool?.available ?? 0;
  return { available: remainingThisMonth === null ? available : Math.min(available, remainingThisMonth), tierKey: account.tierKey };
}

/**
 * Inside a redemption, under the locked account: when that account is a
 * business pool, the member must be one of its users with the redeem
 * permission, and `points` must fit in what their monthly limit still allows.
 * Refusals are 422 permission_denied / redemption_limit_exceeded and write nothing.
 * A member's own account passes untouched.
 */
export async function guardPoolRedemption(ctx: OperationContext, p: { memberId: string; points: number }): Promise<void> {
  const { tx, account, now } = ctx;
  if (!account.businessAccountId) return;
  const business = await findAccountByPointAccount(tx, { programId: account.programId, pointAccountId: account.id });
  const user = business ? await getAccountUser(tx, { programId: account.programId, accountId: business.id, memberId: p.memberId }) : undefined;
  if (!user) throw permissionDenied();
  const program = (await getProgramById(tx, account.programId))!;
  const usage = await userRedemptionUsage(tx, { programId: account.programId, pointAccountId: account.id, memberId: p.memberId, monthlyLimit: user.monthlyRedemptionLimit, now, timeZone: program.timeZone });
  const verdict = checkPoolRedemption({ role: user.role, monthlyLimit: user.monthlyRedemptionLimit, redeemedThisMonth: usage.redeemedThisMonth, points: p.points });
  if (verdict.allowed) return;
  if (verdict.code === "permission_denied") throw permissionDenied();
  throw new UnprocessableError(
    "redemption_limit_exceeded",
    `This redemption of ${p.points} points is above what this user may still redeem this month (${verdict.remaining}).`,
    { requested: p.points, remaining: verdict.remaining, monthlyLimit: user.monthlyRedemptionLimit },
  );
}

function permissionDenied(): UnprocessableError {
  return new UnprocessableError("permission_denied", "This member may not redeem the business account's points.");
}
