import { sql } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type LedgerProblem = {
  check: string;
  programId: string;
  accountId?: string;
  memberId?: string | null;
  lotId?: string;
  entryId?: number;
  expected: number;
  actual: number;
};

const LIMIT = 1000;

/**
 * Recomputes every cached number from the append-only records, set-based, and
 * returns where they disagree. `programId` narrows the check to one program.
 */
export async function findLedgerProblems(db: Executor, programId?: string): Promise<{ accounts: number; problems: LedgerProblem[] }> {
  const scope = (alias: string) => (programId ? sql`${sql.raw(alias)}.program_id = ${programId}::uuid` : sql`true`);
  const [{ count } = { count: 0 }] = await selectRows<{ count: number }>(db, sql`select count(*)::int as count from point_accounts a where ${scope("a")}`);

  const accountChecks = await selectRows<Record<string, unknown>>(db, sql`
    with e as (
      select r.program_id, r.account_id,
             sum(r.available_delta)::bigint as available, sum(r.pending_delta)::bigint as pending, sum(r.held_delta)::bigint as held,
             sum(case when r.kind = 'earn' or (r.kind = 'adjust' and r.available_delta > 0) then r.points
                      when r.kind = 'reverse' and (o.kind = 'earn' or (o.kind = 'adjust' and o.available_delta > 0)) then -r.points
                      else 0 end)::bigint as earned,
             sum(case when r.kind in ('redeem', 'capture') then r.points
                      when r.kind = 'reverse' and o.kind in ('redeem', 'capture') then -r.points
                      else 0 end)::bigint as redeemed,
             sum(case when r.kind = 'expire' then r.points else 0 end)::bigint as expired
        from ledger_entries r
        left join ledger_entries o on o.program_id = r.program_id and o.id = r.reverses_entry_id
       where ${scope("r")}
       group by r.program_id, r.account_id),
    l as (
      select program_id, account_id,
             sum(case when state = 'available' then remaining else 0 end)::bigint as available,
             sum(case when state = 'pending' then remaining else 0 end)::bigint as pending
        from point_lots p where ${scope("p")} group by program_id, account_id),
    h as (
      select program_id, account_id, sum(points)::bigint as held
        from point_holds h where ${scope("h")} and status = 'active' group by program_id, account_id)
    select a.program_id, a.id as account_id, a.member_id,
           a.available, a.pending, a.held, a.lifetime_earned, a.lifetime_redeemed, a.lifetime_expired,
           coalesce(e.available, 0)::int as e_available, coalesce(e.pending, 0)::int as e_pending, coalesce(e.held, 0)::int as e_held,
           coalesce(e.earned, 0)::int as e_earned, coalesce(e.redeemed, 0)::int as e_redeemed, coalesce(e.expired, 0)::int as e_expired,
           coalesce(l.available, 0)::int as l_available, coalesce(l.pending, 0)::int as l_pending, coalesce(h.held, 0)::int as h_held
      from point_accounts a
      left join e on e.program_id = a.program_id and e.account_id = a.id
      left join l on l.program_id = a.program_id and l.account_id = a.id
      left join h on h.program_id = a.program_id and h.account_id = a.id
     where ${scope("a")}
       and (a.available <> coalesce(e.available, 0) or a.pending <> coalesce(e.pending, 0) or a.held <> coalesce(e.held, 0)
         or a.lifetime_earned <> coalesce(e.earned, 0) or a.lifetime_redeemed <> coalesce(e.redeemed, 0) or a.lifetime_expired <> coalesce(e.expired, 0)
         or a.available <> coalesce(l.available, 0) or a.pending <> coalesce(l.pending, 0) or a.held <> coalesce(h.held, 0)
         or a.available < 0 or a.pending < 0 or a.held < 0)
     limit ${LIMIT}`);

  const problems: LedgerProblem[] = [];
  const pairs: [string, string, string][] = [
    ["available = sum of entries", "e_available", "available"],
    ["pending = sum of entries", "e_pending", "pending"],
    ["held = sum of entries", "e_held", "held"],
    ["lifetime earned = sum of entries", "e_earned", "lifetime_earned"],
    ["lifetime redeemed = sum of entries", "e_redeemed", "lifetime_redeemed"],
    ["lifetime expired = sum of entries", "e_expired", "lifetime_expired"],
    ["available = sum of available lots", "l_available", "available"],
    ["pending = sum of pending lots", "l_pending", "pending"],
    ["held = sum of active holds", "h_held", "held"],
  ];
  for (const row of accountChecks) {
    for (const [check, expectedKey, actualKey] of pairs) {
      const expected = Number(row[expectedKey]);
      const actual = Number(row[actualKey]);
      if (expected !== actual) {
        problems.push({ check, programId: String(row.program_id), accountId: String(row.account_id), memberId: row.member_id as string | null, expected, actual });
      }
    }
  }

  const lotChecks = await selectRows<{ program_id: string; lot_id: string; account_id: string; amount: number; remaining: number; expected: number }>(db, sql`
    select p.program_id, p.id as lot_id, p.account_id, p.amount, p.remaining, (p.amount + coalesce(sum(x.points), 0))::int as expected
      from point_lots p
      left join lot_allocations x on x.program_id = p.program_id and x.lot_id = p.id
     where ${scope("p")}
     group by p.program_id, p.id
    having p.remaining <> p.amount + coalesce(sum(x.points), 0) or p.remaining < 0 or p.remaining > p.amount
     limit ${LIMIT}`);
  for (const row of lotChecks) {
    problems.push({ check: "lot remaining = amount + allocations", programId: row.program_id, accountId: row.account_id, lotId: row.lot_id, expected: Number(row.expected), actual: Number(row.remaining) });
  }

  const reversalChecks = await selectRows<{ program_id: string; entry_id: number; account_id: string; points: number; reversed: number }>(db, sql`
    select o.program_id, o.id as entry_id, o.account_id, o.points, sum(r.points)::int as reversed
      from ledger_entries r
      join ledger_entries o on o.program_id = r.program_id and o.id = r.reverses_entry_id
     where ${scope("r")} and r.kind = 'reverse'
     group by o.program_id, o.id
    having sum(r.points) > o.points
     limit ${LIMIT}`);
  for (const row of reversalChecks) {
    problems.push({ check: "reversals never exceed the original", programId: row.program_id, accountId: row.account_id, entryId: Number(row.entry_id), expected: Number(row.points), actual: Number(row.reversed) });
  }

  return { accounts: Number(count), problems };
}
