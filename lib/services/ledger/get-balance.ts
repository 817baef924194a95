import { getAccountByMember, listEntriesForMember, listUpcomingExpiries, type EntryRow } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import type { Balance } from "@/lib/domain/ledger/balance";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { historyQuerySchema, memberRefSchema, type HistoryQuery } from "@/lib/validation/ledger";
import { balanceOf } from "./run-ledger-operation";

export type MemberBalance = Balance & { upcomingExpiries: { expiresAt: string; points: number }[] };

/** The member's cached balances and the exact amounts of their next expiries. */
export async function getBalance(db: Executor, input: { programId: string; memberId: string }): Promise<MemberBalance> {
  const data = parseInput(memberRefSchema, input);
  const account = await getAccountByMember(db, data);
  if (!account) throw new NotFoundError("member", data.memberId);
  const expiries = await listUpcomingExpiries(db, { programId: data.programId, accountId: account.id, limit: 5 });
  return { ...balanceOf(account), upcomingExpiries: expiries.map((e) => ({ expiresAt: e.expiresAt.toISOString(), points: e.points })) };
}

export type HistoryPage = { entries: EntryRow[]; nextCursor: number | null };

/** Ledger entries of one member, newest first; pass `nextCursor` back as `before` for the next page. */
export async function listHistory(db: Executor, input: HistoryQuery): Promise<HistoryPage> {
  const data = parseInput(historyQuerySchema, input);
  const entries = await listEntriesForMember(db, { ...data, limit: data.limit + 1 });
  const page = entries.slice(0, data.limit);
  return { entries: page, nextCursor: entries.length > data.limit ? page[page.length - 1]!.id : null };
}
