import { findBusinessAccountByExternalId, findMembership, insertBusinessAccount, upsertAccountUser } from "@/db/queries/business-accounts";
import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { isUniqueViolation } from "@/db/rows";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { createBusinessAccountSchema, type CreateBusinessAccountInput } from "@/lib/validation/business-accounts";
import { getBusinessAccountView, type BusinessAccountView } from "./get-business-account";

/**
 * Opens a business account with an empty pool (its own point account in the
 * ledger), and its first user with `manage` when `adminMemberId` is given.
 * externalId is unique per program: a second account with it is 409 account_exists.
 */
export async function createBusinessAccount(db: Executor, actor: Actor, input: CreateBusinessAccountInput, now = new Date()): Promise<BusinessAccountView> {
  const data = parseInput(createBusinessAccountSchema, input);
  const program = await requireProgram(db, data.programId);
  authorize(actor, "members:write", program);
  const accountId = await db
    .transaction(async (tx) => {
      if (data.externalId && (await findBusinessAccountByExternalId(tx, { programId: program.id, externalId: data.externalId }))) throw accountExists(data.externalId);
      const account = await insertBusinessAccount(tx, { programId: program.id, name: data.name, externalId: data.externalId, now });
      if (data.adminMemberId) {
        if (!(await getMember(tx, { programId: program.id, memberId: data.adminMemberId }))) throw new NotFoundError("member", data.adminMemberId);
        if (await findMembership(tx, { programId: program.id, memberId: data.adminMemberId })) throw memberTaken(data.adminMemberId);
        await upsertAccountUser(tx, { programId: program.id, accountId: account.id, memberId: data.adminMemberId, role: "manage", monthlyRedemptionLimit: null, now });
      }
      await recordAudit(tx, actor, { program, action: "business_account.create", targetType: "business_account", targetId: account.id, after: { name: account.name, externalId: account.externalId, adminMemberId: data.adminMemberId ?? null } });
      return account.id;
    })
    .catch((error: unknown) => {
      if (data.externalId && isUniqueViolation(error, "business_accounts_external_key")) throw accountExists(data.externalId);
      if (data.adminMemberId && isUniqueViolation(error, "business_account_users_member_key")) throw memberTaken(data.adminMemberId);
      throw error;
    });
  return getBusinessAccountView(db, actor, { programId: program.id, accountId }, now);
}

export function accountExists(externalId: string): ConflictError {
  return new ConflictError("account_exists", `A business account with externalId "${externalId}" already exists.`, { externalId });
}

/** A member buys for one account at most. */
export function memberTaken(memberId: string): ConflictError {
  return new ConflictError("member_in_other_account", "This member already belongs to a business account.", { memberId });
}
