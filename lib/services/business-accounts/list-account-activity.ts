import { getBusinessAccount, listAccountActivity, type AccountActivityRow } from "@/db/queries/business-accounts";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { accountRefSchema, apiAccountActivityQuerySchema } from "@/lib/validation/business-accounts";
import { authorizeAccount } from "./account-access";

export type AccountActivityPage = { entries: AccountActivityRow[]; nextCursor: number | null };

/** The pool's ledger, newest first, each entry with the user who earned or redeemed it; pass nextCursor back as cursor. */
export async function listBusinessAccountActivity(
  db: Executor,
  actor: Actor,
  /** cursor, limit and memberId as numbers or as the query string's text. */
  input: { programId: string; accountId: string; [query: string]: unknown },
): Promise<AccountActivityPage> {
  const { programId, accountId, ...rest } = input;
  const ref = parseInput(accountRefSchema, { programId, accountId });
  const query = parseInput(apiAccountActivityQuerySchema, rest);
  const program = await requireProgram(db, ref.programId);
  await authorizeAccount(db, actor, program, ref.accountId, "read");
  const account = await getBusinessAccount(db, ref);
  if (!account) throw new NotFoundError("account", ref.accountId);
  const rows = await listAccountActivity(db, { programId: program.id, pointAccountId: account.pointAccountId, memberId: query.memberId, before: query.cursor, limit: query.limit + 1 });
  const entries = rows.slice(0, query.limit);
  return { entries, nextCursor: rows.length > query.limit ? entries.at(-1)!.id : null };
}
