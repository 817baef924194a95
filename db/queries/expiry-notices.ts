import { sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { domainEvents, expiryNotices, pointAccounts, pointLots } from "../schema";
import type { Executor } from "../types";

/**
 * Announces lots that will expire within `withinDays`: each lot is claimed in
 * `expiry_notices` (ON CONFLICT DO NOTHING, so a lot is announced once however
 * often or concurrently this runs) and the newly claimed lots become one
 * `points.expiring` event per member, in one statement.
 */
export async function announceExpiringLots(tx: Executor, p: { programId: string; now: Date; withinDays: number }): Promise<{ members: number; lots: number; points: number }> {
  const now = p.now.toISOString();
  const until = new Date(p.now.getTime() + p.withinDays * 86_400_000).toISOString();
  const [row] = await selectRows<{ members: number; lots: number; points: string }>(tx, sql`
    with cand as (
      select l.id, a.member_id, l.remaining, l.expires_at
        from ${pointLots} l join ${pointAccounts} a on a.program_id = l.program_id and a.id = l.account_id
       where l.program_id = ${p.programId} and l.remaining > 0 and a.member_id is not null
         and l.expires_at > ${now}::timestamptz and l.expires_at <= ${until}::timestamptz),
    fresh as (
      insert into ${expiryNotices} (program_id, lot_id, created_at)
      select ${p.programId}, id, ${now}::timestamptz from cand
      on conflict do nothing
      returning lot_id),
    per as (
      select c.member_id, sum(c.remaining)::int as total, min(c.expires_at) as first_at,
             jsonb_agg(jsonb_build_object('lotId', c.id, 'points', c.remaining, 'expiresAt', c.expires_at) order by c.expires_at, c.id) as lots
        from cand c join fresh f on f.lot_id = c.id
       group by c.member_id),
    ev as (
      insert into ${domainEvents} (program_id, type, payload, created_at)
      select ${p.programId}, 'points.expiring',
             jsonb_build_object('memberId', member_id, 'points', total, 'expiresAt', first_at, 'withinDays', ${p.withinDays}::int, 'lots', lots),
             ${now}::timestamptz
        from per order by member_id
      returning 1)
    select (select count(*) from ev)::int as members, (select count(*) from fresh)::int as lots,
           (select coalesce(sum(total), 0) from per)::text as points`);
  return { members: Number(row?.members ?? 0), lots: Number(row?.lots ?? 0), points: Number(row?.points ?? 0) };
}
