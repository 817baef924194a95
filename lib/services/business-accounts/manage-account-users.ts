import { deleteAccountUser, findMembership, getAccountUser, listAccountUsers, lockBusinessAccount, upsertAccountUser, type BusinessUserRow } from "@/db/queries/business-accounts";
import { getMember } from "@/db/queries/members";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { isUniqueViolation } from "@/db/rows";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { accountUserInputSchema, type AccountUserInput } from "@/lib/validation/business-accounts";
import { authorizeAccount } from "./account-access";
import { memberTaken } from "./create-business-account";

export type AccountUser = { memberId: string; role: BusinessUserRow["role"]; monthlyRedemptionLimit: number | null };

/**
 * Adds a member to an account, or changes the role and limit of one already
 * in it (absent fields keep their value; a new user defaults to earn-only, no
 * limit). A member of another account is 409 member_in_other_account. Audited.
 */
export async function setAccountUser(db: Executor, actor: Actor, input: AccountUserInput, now = new Date(), options: { mustExist?: boolean } = {}): Promise<AccountUser & { created: boolean }> {
  const data = parseInput(accountUserInputSchema, input);
  const program = await requireProgram(db, data.programId);
  await authorizeAccount(db, actor, program, data.accountId, "manage");
  return db
    .transaction(async (tx) => {
      await lockAccount(tx, program, data.accountId);
      if (!(await getMember(tx, { programId: program.id, memberId: data.memberId }))) throw new NotFoundError("member", data.memberId);
      const other = await findMembership(tx, { programId: program.id, memberId: data.memberId });
      if (other && other.account.id !== data.accountId) throw memberTaken(data.memberId);
      const before = other?.user;
      if (options.mustExist && !before) throw new NotFoundError("account user", data.memberId);
      const role = data.role ?? before?.role ?? "earn";
      if (before?.role === "manage" && role !== "manage") await keepAManager(tx, program, data.accountId, data.memberId);
      const row = await upsertAccountUser(tx, {
        programId: program.id,
        accountId: data.accountId,
        memberId: data.memberId,
        role,
        monthlyRedemptionLimit: data.monthlyRedemptionLimit !== undefined ? data.monthlyRedemptionLimit : (before?.monthlyRedemptionLimit ?? null),
        now,
      });
      const after = { role: row.role, monthlyRedemptionLimit: row.monthlyRedemptionLimit };
      await recordAudit(tx, actor, { program, action: before ? "business_account.user_update" : "business_account.user_add", targetType: "business_account", targetId: data.accountId, before: before ? { memberId: data.memberId, role: before.role, monthlyRedemptionLimit: before.monthlyRedemptionLimit } : null, after: { memberId: data.memberId, ...after } });
      return { memberId: row.memberId, ...after, created: !before };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, "business_account_users_member_key")) throw memberTaken(data.memberId);
      throw error;
    });
}

/** Changes the role or limit of a user already in the account (404 otherwise). */
export async function updateAccountUser(db: Executor, actor: Actor, input: AccountUserInput, now = new Date()): Promise<AccountUser> {
  const { created: _created, ...user } = await setAccountUser(db, actor, input, now, { mustExist: true });
  return user;
}

/**
 * Takes a member out of an account: their purchases and redemptions stay in the
 * pool's history; from now on they earn into their own account. The last
 * manager cannot be removed (422 last_manager). Audited.
 */
export async function removeAccountUser(db: Executor, actor: Actor, input: { programId: string; accountId: string; memberId: string }, now = new Date()): Promise<{ removed: true }> {
  const data = parseInput(accountUserInputSchema, input);
  const program = await requireProgram(db, data.programId);
  await authorizeAccount(db, actor, program, data.accountId, "manage");
  return db.transaction(async (tx) => {
    await lockAccount(tx, program, data.accountId);
    const user = await getAccountUser(tx, { programId: program.id, accountId: data.accountId, memberId: data.memberId });
    if (!user) throw new NotFoundError("account user", data.memberId);
    if (user.role === "manage") await keepAManager(tx, program, data.accountId, data.memberId);
    await deleteAccountUser(tx, { programId: program.id, accountId: data.accountId, memberId: data.memberId });
    await recordAudit(tx, actor, { program, action: "business_account.user_remove", targetType: "business_account", targetId: data.accountId, before: { memberId: user.memberId, role: user.role, monthlyRedemptionLimit: user.monthlyRedemptionLimit, removedAt: now.toISOString() } });
    return { removed: true as const };
  });
}

/** Changes to one account's users queue on the account's row, so two admins cannot both demote the other. */
async function lockAccount(tx: Executor, program: ProgramRow, accountId: string): Promise<void> {
  if (!(await lockBusinessAccount(tx, { programId: program.id, accountId }))) throw new NotFoundError("account", accountId);
}

async function keepAManager(tx: Executor, program: ProgramRow, accountId: string, leaving: string): Promise<void> {
  const managers = (await listAccountUsers(tx, { programId: program.id, accountId })).filter((u) => u.role === "manage" && u.memberId !== leaving);
  if (!managers.length) throw new UnprocessableError("last_manager", "An account keeps at least one user who manages it.");
}
