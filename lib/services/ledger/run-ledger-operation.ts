import { createHash } from "node:crypto";
import { getProgramById } from "@/db/queries/programs";
import { claimIdempotencyKey, storeIdempotentResponse } from "@/db/queries/idempotency";
import { lockAccountById, lockAccountByMember, updateAccountBalances, type AccountRow } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { canonicalJson } from "@/lib/domain/canonical-json";
import type { Balance } from "@/lib/domain/ledger/balance";
import { IdempotencyConflictError, NotFoundError } from "@/lib/errors";

/** How long a ledger idempotency key is remembered (the API promises at least 7 days). */
export const IDEMPOTENCY_TTL_MS = 8 * 24 * 60 * 60 * 1000;

export type AccountLocator = { memberId: string } | { accountId: string };

export type OperationContext = {
  tx: Executor;
  account: AccountRow;
  balance: Balance;
  now: Date;
  /** Writes the new cached balances of the locked account. */
  saveBalance(next: Balance): Promise<void>;
};

export type Replayable<T> = T & { replayed: boolean };

export function balanceOf(account: AccountRow): Balance {
  const { available, pending, held, lifetimeEarned, lifetimeRedeemed, lifetimeExpired } = account;
  return { available, pending, held, lifetimeEarned, lifetimeRedeemed, lifetimeExpired };
}

export function requestHash(operation: string, request: unknown): string {
  return createHash("sha256").update(`${operation}\n${canonicalJson(request)}`).digest("hex");
}

/**
 * The one way a balance changes: a single transaction that claims the
 * idempotency key, locks the account row (so concurrent operations on one
 * member queue up instead of racing), runs the operation and stores its result.
 * A replay of the same key and request returns the stored result and writes nothing.
 */
export async function runLedgerOperation<T extends Record<string, unknown>>(
  db: Executor,
  args: {
    operation: string;
    programId: string;
    locate: (tx: Executor) => Promise<AccountLocator>;
    idempotencyKey?: string;
    request: unknown;
    now: Date;
  },
  body: (ctx: OperationContext) => Promise<T>,
): Promise<Replayable<T>> {
  return db.transaction(async (tx) => {
    const program = await getProgramById(tx, args.programId);
    if (!program) throw new NotFoundError("program", args.programId);

    const key = args.idempotencyKey ? `ledger:${args.idempotencyKey}` : undefined;
    if (key) {
      const hash = requestHash(args.operation, args.request);
      const stored = await claimIdempotencyKey(tx, {
        programId: args.programId,
        key,
        requestHash: hash,
        expiresAt: new Date(args.now.getTime() + IDEMPOTENCY_TTL_MS),
      });
      if (stored) {
        if (stored.requestHash !== hash) throw new IdempotencyConflictError(args.idempotencyKey!);
        return { ...(stored.response as T), replayed: true };
      }
    }

    const locator = await args.locate(tx);
    const account =
      "memberId" in locator
        ? await lockAccountByMember(tx, { programId: args.programId, memberId: locator.memberId })
        : await lockAccountById(tx, { programId: args.programId, accountId: locator.accountId });
    if (!account) throw new NotFoundError("memberId" in locator ? "member" : "account");

    const result = await body({
      tx,
      account,
      balance: balanceOf(account),
      now: args.now,
      saveBalance: (next) => updateAccountBalances(tx, { programId: args.programId, accountId: account.id, now: args.now }, next),
    });
    if (key) await storeIdempotentResponse(tx, { programId: args.programId, key, statusCode: 201, response: result });
    return { ...result, replayed: false };
  });
}
