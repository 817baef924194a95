import { getBusinessAccount, listAccountUsers, sumRedeemedByUser, summarizeUsers } from "@/db/queries/business-accounts";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { remainingLimit, type BusinessUserRole } from "@/lib/domain/business-accounts/user-permissions";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { LocalizedText } from "@/lib/localized-text";
import { NotFoundError } from "@/lib/errors";
import { requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { accountRefSchema } from "@/lib/validation/business-accounts";
import { authorizeAccount } from "./account-access";
import { limitPeriodStart } from "./pool";

export type AccountUserView = {
  memberId: string;
  name: string | null;
  email: string | null;
  cardNumber: string;
  role: BusinessUserRole;
  monthlyRedemptionLimit: number | null;
  redeemedThisMonth: number;
  remainingThisMonth: number | null;
  pointsEarned: number;
  purchases: number;
  addedAt: string;
};

export type BusinessAccountView = {
  id: string;
  name: string;
  externalId: string | null;
  tier: { key: string; name: LocalizedText | null } | null;
  balance: { available: number; pending: number; held: number; lifetimeEarned: number; lifetimeRedeemed: number };
  users: AccountUserView[];
  createdAt: string;
};

/** An account as its admins see it: the pool, the tier, and every user with what they earned and redeemed. */
export async function getBusinessAccountView(db: Executor, actor: Actor, input: { programId: string; accountId: string }, now = new Date()): Promise<BusinessAccountView> {
  const data = parseInput(accountRefSchema, input);
  const program = await requireProgram(db, data.programId);
  await authorizeAccount(db, actor, program, data.accountId, "read");
  const account = await getBusinessAccount(db, data);
  if (!account) throw new NotFoundError("account", data.accountId);
  const [users, redeemed, summary, plan] = await Promise.all([
    listAccountUsers(db, data),
    sumRedeemedByUser(db, { programId: program.id, pointAccountId: account.pointAccountId, since: limitPeriodStart(now, program.timeZone) }),
    summarizeUsers(db, { programId: program.id, accountId: account.id, pointAccountId: account.pointAccountId }),
    getLivePlanVersion(db, { programId: program.id, at: now }),
  ]);
  const tiers = (plan?.definition as PlanDefinition | undefined)?.tiers ?? [];
  return {
    id: account.id,
    name: account.name,
    externalId: account.externalId,
    tier: account.tierKey ? { key: account.tierKey, name: tiers.find((t) => t.key === account.tierKey)?.name ?? null } : null,
    balance: { available: account.available, pending: account.pending, held: account.held, lifetimeEarned: account.lifetimeEarned, lifetimeRedeemed: account.lifetimeRedeemed },
    users: users.map((u) => {
      const spent = redeemed.get(u.memberId) ?? 0;
      return {
        memberId: u.memberId,
        name: u.name,
        email: u.email,
        cardNumber: u.cardNumber,
        role: u.role,
        monthlyRedemptionLimit: u.monthlyRedemptionLimit,
        redeemedThisMonth: spent,
        remainingThisMonth: remainingLimit(u.monthlyRedemptionLimit, spent),
        pointsEarned: summary.get(u.memberId)?.earned ?? 0,
        purchases: summary.get(u.memberId)?.purchases ?? 0,
        addedAt: u.createdAt.toISOString(),
      };
    }),
    createdAt: account.createdAt.toISOString(),
  };
}
