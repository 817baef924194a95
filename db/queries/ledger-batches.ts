import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { ledgerEntries, lotAllocations, pointAccounts, pointLots } from "../schema";
import type { Executor } from "../types";


/** Accounts with lots past their expiry that still hold points (no lock: a hint, re-checked under lock). */
export async function listAccountsWithExpiredLots(db: Executor, p: { programId: string; now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ accountId: pointLots.accountId })
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), gt(pointLots.remaining, 0), lte(pointLots.expiresAt, p.now)))
    .orderBy(asc(pointLots.accountId))
    .limit(p.limit);
  return rows.map((r) => r.accountId);
}

export async function listAccountsWithReleasableLots(db: Executor, p: { programId: string; now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ accountId: pointLots.accountId })
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), eq(pointLots.state, "pending"), gt(pointLots.remaining, 0), lte(pointLots.pendingUntil, p.now)))
    .orderBy(asc(pointLots.accountId))
    .limit(p.limit);
  return rows.map((r) => r.accountId);
}

/**
 * Expires (or releases) the due lots of already-locked accounts in one statement:
 * one entry per account naming its lots, the lot movements, and the balances.
 * Lots are re-read here, under the caller's account locks, so a second run finds nothing.
 */
export async function settleDueLots(
  tx: Executor,
  p: { programId: string; accountIds: string[]; now: Date; kind: "expire" | "release" },
): Promise<{ accounts: number; lots: number; points: number }> {
  if (!p.accountIds.length) return { accounts: 0, lots: 0, points: 0 };
  const now = p.now.toISOString();
  const expire = p.kind === "expire";
  const due = expire
    ? sql`l.remaining > 0 and l.expires_at <= ${now}::timestamptz`
    : sql`l.state = 'pending' and l.remaining > 0 and l.pending_until <= ${now}::timestamptz`;
  const [row] = await selectRows<{ accounts: number; lots: number; points: string }>(tx, sql`
    with due as (
      select l.id, l.account_id, l.remaining, l.state, l.expires_at, l.pending_until
        from ${pointLots} l
       where l.program_id = ${p.programId}
         and l.account_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(p.accountIds)}::jsonb))
         and ${due}),
    per as (
      select d.account_id, a.member_id, sum(d.remaining)::int as total,
             sum(case when d.state = 'pending' then d.remaining else 0 end)::int as pending,
             jsonb_agg(jsonb_build_object('lotId', d.id, 'points', d.remaining,
                       'at', ${expire ? sql`d.expires_at` : sql`d.pending_until`}) order by d.id) as lots
        from due d join ${pointAccounts} a on a.program_id = ${p.programId} and a.id = d.account_id
       group by d.account_id, a.member_id),
    e as (
      insert into ${ledgerEntries} (program_id, account_id, member_id, kind, points, available_delta, pending_delta, channel, explanation, occurred_at, created_at)
      select ${p.programId}, account_id, member_id, ${p.kind}::ledger_entry_kind, total,
             ${expire ? sql`-(total - pending)` : sql`total`}, -pending, 'system', jsonb_build_object('lots', lots),
             ${now}::timestamptz, ${now}::timestamptz
        from per order by account_id
      returning id, account_id),
    moved as (
      ${expire
        ? sql`insert into ${lotAllocations} (program_id, entry_id, lot_id, points)
              select ${p.programId}, e.id, d.id, -d.remaining from due d join e on e.account_id = d.account_id returning 1`
        : sql`select 1`}),
    lots as (
      update ${pointLots} l set ${expire ? sql`remaining = 0` : sql`state = 'available'`}
        from due d where l.program_id = ${p.programId} and l.id = d.id
      returning 1),
    balances as (
      update ${pointAccounts} a
         set available = a.available + ${expire ? sql`-(per.total - per.pending)` : sql`per.total`},
             pending = a.pending - per.pending,
             lifetime_expired = a.lifetime_expired + ${expire ? sql`per.total` : sql`0`},
             updated_at = ${now}::timestamptz
        from per where a.program_id = ${p.programId} and a.id = per.account_id
      returning 1)
    select (select count(*) from per)::int as accounts, (select count(*) from lots)::int as lots,
           (select coalesce(sum(total), 0) from per)::text as points,
           (select count(*) from moved)::int as moved, (select count(*) from balances)::int as balanced`);
  return { accounts: Number(row?.accounts ?? 0), lots: Number(row?.lots ?? 0), points: Number(row?.points ?? 0) };
}
