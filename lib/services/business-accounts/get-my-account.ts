import { findMembership, getBusinessAccount, listAccountActivity, type AccountActivityRow } from "@/db/queries/business-accounts";
import { getLivePlanVersion } from "@/db/queries/plans";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { roleAllows, type BusinessUserRole } from "@/lib/domain/business-accounts/user-permissions";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { NotFoundError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/localized-text";
import { getBusinessAccountView, type BusinessAccountView } from "./get-business-account";
import { userRedemptionUsage } from "./pool";

/** What a buyer sees of their company's account: the pool, their permission and what their limit still allows. */
type MyAccountBuyerView = {
  kind: "buyer";
  accountName: string;
  tierKey: string | null;
  balance: { available: number; pending: number };
  role: BusinessUserRole;
  monthlyRedemptionLimit: number | null;
  redeemedThisMonth: number;
  remainingThisMonth: number | null;
  recent: AccountActivityRow[];
};

export type MyAccountView = (
  | MyAccountBuyerView
  | { kind: "admin"; memberId: string; account: BusinessAccountView; recent: AccountActivityRow[] }
  | { kind: "none" }
) & { pointName: LocalizedText; tierName: LocalizedText | null };

/**
 * The portal's /me/account: nothing when the member buys for no company; the
 * whole account (every user, everyone's activity) when they manage it; their
 * own slice otherwise.
 */
export async function getMyAccount(db: Executor, actor: Actor, now = new Date()): Promise<MyAccountView> {
  if (actor.kind !== "member") throw new NotFoundError("member");
  const program = (await getProgramById(db, actor.programId))!;
  const membership = await findMembership(db, { programId: actor.programId, memberId: actor.memberId });
  const pointName = program.pointName;
  if (!membership) return { kind: "none", pointName, tierName: null };
  const { account, user } = membership;
  const plan = await getLivePlanVersion(db, { programId: program.id, at: now });
  const tierName = ((plan?.definition as PlanDefinition | undefined)?.tiers ?? []).find((t) => t.key === account.tierKey)?.name ?? null;
  if (roleAllows(user.role, "manage")) {
    const view = await getBusinessAccountView(db, actor, { programId: actor.programId, accountId: account.id }, now);
    const recent = await listAccountActivity(db, { programId: actor.programId, pointAccountId: account.pointAccountId, limit: 20 });
    return { kind: "admin", memberId: actor.memberId, account: view, recent, pointName, tierName };
  }
  const pool = (await getBusinessAccount(db, { programId: actor.programId, accountId: account.id }))!;
  const usage = await userRedemptionUsage(db, { programId: actor.programId, pointAccountId: account.pointAccountId, memberId: actor.memberId, monthlyLimit: user.monthlyRedemptionLimit, now, timeZone: program.timeZone });
  const recent = await listAccountActivity(db, { programId: actor.programId, pointAccountId: account.pointAccountId, memberId: actor.memberId, limit: 10 });
  return {
    kind: "buyer",
    accountName: account.name,
    tierKey: account.tierKey,
    balance: { available: pool.available, pending: pool.pending },
    role: user.role,
    monthlyRedemptionLimit: user.monthlyRedemptionLimit,
    ...usage,
    recent,
    pointName,
    tierName,
  };
}

/** The account the signed-in member buys for ("not found" when none): portal forms act on it, never on an id from the form. */
export async function findMyAccountId(db: Executor, actor: Actor): Promise<string> {
  if (actor.kind !== "member") throw new NotFoundError("account");
  const membership = await findMembership(db, { programId: actor.programId, memberId: actor.memberId });
  if (!membership) throw new NotFoundError("account");
  return membership.account.id;
}
export type { AccountActivityRow };

/** The home's banner: the company the member buys for and its pool's balance, or null. */
export async function getMyAccountSummary(db: Executor, actor: Actor): Promise<{ name: string; available: number } | null> {
  if (actor.kind !== "member") return null;
  const membership = await findMembership(db, { programId: actor.programId, memberId: actor.memberId });
  if (!membership) return null;
  const pool = await getBusinessAccount(db, { programId: actor.programId, accountId: membership.account.id });
  return pool ? { name: pool.name, available: pool.available } : null;
}
