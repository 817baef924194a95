import { and, asc, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import { domainEvents, ledgerEntries, lotAllocations, members, pointAccounts, pointLots } from "../schema";
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
  p: { programId: string; accountIds: string[]; now: Date; kind: "expire" | "release"; inactiveMonths?: number },
): Promise<{ accounts: number; lots: number; points: number }> {
  if (!p.accountIds.length) return { accounts: 0, lots: 0, points: 0 };
  const now = p.now.toISOString();
  const expire = p.kind === "expire";
  const inactivity = expire && p.inactiveMonths !== undefined;
  const due = inactivity
    ? sql`l.state = 'available' and l.remaining > 0 and ${inactiveAccount(p.programId, sql`l.account_id`, p.inactiveMonths!, now)}`
    : expire
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
             ${expire ? sql`-(total - pending)` : sql`total`}, -pending, 'system',
             jsonb_build_object('lots', lots${inactivity ? sql`, 'policy', 'inactivity', 'months', ${p.inactiveMonths!}::int` : sql``}),
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
      returning 1),
    -- The points.expired webhook event (outbox), one per member, in this same statement (docs/WEBHOOKS.md).
    events as (
      ${expire
        ? sql`insert into ${domainEvents} (program_id, type, payload, created_at)
              select ${p.programId}, 'points.expired',
                     jsonb_build_object('memberId', per.member_id, 'points', per.total, 'entryId', e.id, 'lots', per.lots),
                     ${now}::timestamptz
                from per join e on e.account_id = per.account_id where per.member_id is not null order by per.account_id
              returning 1`
        : sql`select 1`})
    select (select count(*) from per)::int as accounts, (select count(*) from lots)::int as lots,
           (select coalesce(sum(total), 0) from per)::text as points,
           (select count(*) from moved)::int as moved, (select count(*) from balances)::int as balanced,
           (select count(*) from events)::int as events`);
  return { accounts: Number(row?.accounts ?? 0), lots: Number(row?.lots ?? 0), points: Number(row?.points ?? 0) };
}

/**
 * An account whose member has had no qualifying activity (earn, redemption, or
 * paying with points) for `months` calendar months at `now`, counting from
 * enrolment when there was none. Month arithmetic in UTC, clamped to the month's
 * end — the same as lib/domain/ledger/expiry-policy.ts `isInactive`.
 */
function inactiveAccount(programId: string, accountId: SQL, months: number, now: string): SQL {
  const lapsed = (at: SQL) => sql`((${at} at time zone 'UTC') + make_interval(months => ${months}::int)) at time zone 'UTC' <= ${now}::timestamptz`;
  return sql`not exists (select 1 from ${ledgerEntries} e
                          where e.program_id = ${programId} and e.account_id = ${accountId}
                            and e.kind in ('earn', 'redeem', 'capture') and not ${lapsed(sql`e.occurred_at`)})
         and exists (select 1 from ${pointAccounts} ia join ${members} m on m.program_id = ia.program_id and m.id = ia.member_id
                      where ia.program_id = ${programId} and ia.id = ${accountId} and ${lapsed(sql`m.enrolled_at`)})`;
}

/** Accounts with available points whose member has been inactive `months` months (a hint, re-checked under lock). */
export async function listAccountsInactive(db: Executor, p: { programId: string; now: Date; months: number; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ accountId: pointAccounts.id })
    .from(pointAccounts)
    .where(and(eq(pointAccounts.programId, p.programId), gt(pointAccounts.available, 0), inactiveAccount(p.programId, sql`${pointAccounts.id}`, p.months, p.now.toISOString())))
    .orderBy(asc(pointAccounts.id))
    .limit(p.limit);
  return rows.map((r) => r.accountId);
}
