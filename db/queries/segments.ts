import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { SegmentCondition, SegmentDefinition, SegmentGroup } from "@/lib/domain/segments/definition";
import { segmentMembers, segments } from "../schema";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type SegmentRow = typeof segments.$inferSelect;

/** What a definition is evaluated against: the program, the clock and the program's time zone (ages, birthdays, dates). */
export type SegmentScope = { programId: string; now: Date; timeZone: string };

/**
 * Compiles one condition to a predicate over the member row `m`. Every value
 * is a bound parameter (Drizzle's sql template; arrays become `($1, $2…)`);
 * nothing the user typed is spliced into the text.
 */
function conditionSql(c: SegmentCondition, s: SegmentScope, joinable: boolean): SQL {
  const now = sql`${s.now.toISOString()}::timestamptz`;
  const since = (days: number) => sql`(${now} - make_interval(days => ${days}::int))`;
  const today = sql`(${now} at time zone ${s.timeZone})::date`;
  // A member's stored prediction (member_predictions): members without one never match a prediction condition.
  const predicted = (test: SQL) => sql`exists (select 1 from member_predictions mp where mp.program_id = m.program_id and mp.member_id = m.id and ${test})`;
  // Refunded purchases do not count as purchases; partly refunded ones count for what was kept.
  const purchasesOf = sql`from purchases p where p.program_id = m.program_id and p.member_id = m.id and p.status <> 'refunded'`;
  const statsOf = sql`select 1 from member_purchase_stats st where st.program_id = m.program_id and st.member_id = m.id`;
  const boughtSince = (from: SQL) => sql`exists (${statsOf} and st.last_purchase_at >= ${from})`;
  /**
   * Members whose count or sum over the last `days` passes `having` (`lifetime`: the same test on their
   * whole history, which a window never exceeds). A member whose first purchase is inside the window has
   * the window's count and sum in their summary; only the others' purchases are grouped, once for all of
   * them (a hashed subplan, never built when every member's history fits, as in a young program).
   */
  // Only where it becomes a semi/anti-join (under "all" groups only): under an "any" it would be probed once per member.
  const windowed = (days: number, lifetime: SQL, having: SQL) =>
    joinable
      ? sql`exists (${statsOf} and ${lifetime} and (st.first_purchase_at >= ${since(days)} or st.member_id in (${perMember(s, since(days), having)})))`
      : sql`exists (select 1 from (${perMember(s, since(days), having)}) x where x.member_id = m.id)`;
  switch (c.type) {
    case "age":
      return sql`(m.birthday is not null and date_part('year', age(${today}, m.birthday)) between ${c.min}::int and ${c.max}::int)`;
    case "birthdayMonth":
      return sql`extract(month from m.birthday)::int in ${c.months}`;
    case "city":
      return sql`lower(btrim(m.city)) in ${c.cities.map((city) => city.trim().toLowerCase())}`;
    case "consent":
      return c.consent === "marketing" ? sql`m.consent_marketing = ${c.value}` : sql`m.consent_personalization = ${c.value}`;
    case "enrolment":
      if (c.op === "between") return sql`(m.enrolled_at at time zone ${s.timeZone})::date between ${c.from}::date and ${c.to}::date`;
      return c.op === "within" ? sql`m.enrolled_at >= ${since(c.days)}` : sql`m.enrolled_at < ${since(c.days)}`;
    case "channel":
      return sql`m.enrolment_channel::text in ${c.channels}`;
    case "lastPurchase":
      // "At least N days ago" needs a last purchase: members who never bought are found with "purchases ≤ 0".
      // From each member's purchase summary (member_purchase_stats, kept exact by triggers), not from the purchases.
      return c.op === "lte" ? boughtSince(since(c.days)) : sql`exists (${statsOf} and st.last_purchase_at < ${since(c.days)})`;
    // Counts and sums in a window: "≥ N" keeps the members reaching N; "≤ N" drops those above it (so
    // members with no purchase in the window, whose count and sum are 0, are kept). See windowed().
    case "purchaseCount":
      // "≥ 1" and "≤ 0" only ask whether the member bought in the window: their last purchase says so.
      if (c.op === "gte" && c.count === 1) return boughtSince(since(c.days));
      if (c.op === "lte" && c.count === 0) return sql`not ${boughtSince(since(c.days))}`;
      if (c.op === "gte") return c.count <= 0 ? sql`true` : windowed(c.days, sql`st.purchases >= ${c.count}::int`, sql`count(*) >= ${c.count}::int`);
      return sql`not ${windowed(c.days, sql`st.purchases > ${c.count}::int`, sql`count(*) > ${c.count}::int`)}`;
    case "spend": {
      const kept = sql`sum(p.amount_minor - p.refunded_minor)`;
      if (c.op === "gte" && c.amountMinor <= 0) return sql`not exists (select 1 from (${perMember(s, since(c.days), sql`${kept} < ${c.amountMinor}::bigint`)}) x where x.member_id = m.id)`;
      if (c.op === "gte") return windowed(c.days, sql`st.kept_minor >= ${c.amountMinor}::bigint`, sql`${kept} >= ${c.amountMinor}::bigint`);
      return sql`not ${windowed(c.days, sql`st.kept_minor > ${c.amountMinor}::bigint`, sql`${kept} > ${c.amountMinor}::bigint`)}`;
    }
    case "tier":
      return sql`m.tier_key in ${c.tiers}`;
    case "pointsBalance": {
      // A member without an account has 0 points. As semi/anti-joins, not a lookup per member.
      const account = sql`select 1 from point_accounts a where a.program_id = m.program_id and a.member_id = m.id`;
      if (c.op === "lte") return sql`not exists (${account} and a.available > ${c.points}::int)`;
      return c.points > 0 ? sql`exists (${account} and a.available >= ${c.points}::int)` : sql`not exists (${account} and a.available < ${c.points}::int)`;
    }
    case "expiringPoints":
      return sql`coalesce((select sum(l.remaining) from point_lots l join point_accounts a on a.program_id = l.program_id and a.id = l.account_id
        where a.program_id = m.program_id and a.member_id = m.id and l.remaining > 0 and l.state = 'available'
          and l.expires_at > ${now} and l.expires_at <= (${now} + make_interval(days => ${c.days}::int))), 0) >= ${c.points}::int`;
    case "categoryPurchase":
      // A category matches its own lines and those of every category below it in the catalog tree.
      return sql`exists (select 1 ${purchasesOf} and p.occurred_at >= ${since(c.days)} and exists (
        select 1 from purchase_lines l where l.program_id = p.program_id and l.purchase_id = p.id and l.category in (
          with recursive sub(code) as (
            select ${c.category}::text
            union select pc.code from product_categories pc join sub on pc.parent_code = sub.code where pc.program_id = ${s.programId}::uuid
          ) select code from sub)))`;
    case "churnRisk":
      // In numeric: p_alive 0.9 is a 10 % churn risk exactly, not 9.999999999999998 as in floating point.
      return predicted(sql`(1 - mp.p_alive::numeric) * 100 ${c.op === "gte" ? sql`>=` : sql`<=`} ${c.percent}::numeric`);
    case "predictedClv":
      // No spend model means no CLV (null): such members match neither way.
      return predicted(sql`mp.clv_12m_minor ${c.op === "gte" ? sql`>=` : sql`<=`} ${c.amountMinor}::float8`);
    case "replenishmentDue":
      return predicted(sql`mp.replenishment_date between ${today} and ${today} + ${c.days}::int`);
  }
}

/** Member ids whose purchases since `from` (refunded ones left out) pass `having`. */
function perMember(s: SegmentScope, from: SQL, having: SQL): SQL {
  return sql`select p.member_id from purchases p where p.program_id = ${s.programId}::uuid and p.member_id is not null and p.status <> 'refunded'
    and p.occurred_at >= ${from} group by p.member_id having ${having}`;
}

/** `joinable`: every group above is "all", so an exists here is planned as a semi/anti-join. */
function groupSql(g: SegmentGroup, s: SegmentScope, joinable = true): SQL {
  if (g.items.length === 0) return sql`true`;
  const inner = joinable && g.match === "all";
  const parts = g.items.map((item) => (item.type === "group" ? groupSql(item, s, inner) : conditionSql(item, s, inner)));
  return sql`(${sql.join(parts, sql.raw(g.match === "all" ? " and " : " or "))})`;
}

/** The members of the program (anonymized ones never) that the definition selects, as a WHERE over `members m`. */
export function segmentPredicate(definition: SegmentDefinition, s: SegmentScope): SQL {
  return sql`m.program_id = ${s.programId}::uuid and m.status <> 'anonymized' and ${groupSql(definition, s)}`;
}

export async function countSegment(db: Executor, p: SegmentScope & { definition: SegmentDefinition }): Promise<number> {
  // JIT compiling a one-off count over a million members costs more than it saves (~300 ms seen): off for this transaction only.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const [row] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from members m where ${segmentPredicate(p.definition, p)}`);
    return Number(row?.n ?? 0);
  });
}

export type SegmentSampleRow = { id: string; name: string | null; email: string | null; tierKey: string | null; available: number };

/** A few members the definition selects (the most recently enrolled first), for the builder's preview. */
export async function sampleSegment(db: Executor, p: SegmentScope & { definition: SegmentDefinition; limit: number }): Promise<SegmentSampleRow[]> {
  const rows = await selectRows<{ id: string; name: string | null; email: string | null; tier_key: string | null; available: number }>(
    db,
    sql`select m.id, m.name, m.email, m.tier_key,
          coalesce((select a.available from point_accounts a where a.program_id = m.program_id and a.member_id = m.id), 0)::int as available
        from members m where ${segmentPredicate(p.definition, p)}
        order by m.enrolled_at desc, m.id limit ${p.limit}::int`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, tierKey: r.tier_key, available: Number(r.available) }));
}

/**
 * Makes the stored membership match the definition now: removes members who
 * left, adds those who joined, sets the count and time. Run inside the
 * caller's transaction; running it twice in a row changes nothing but the time.
 */
export async function refreshSegmentMembers(tx: Executor, p: SegmentScope & { segmentId: string; definition: SegmentDefinition }): Promise<{ memberCount: number; added: number; removed: number }> {
  const predicate = segmentPredicate(p.definition, p);
  const removed = await selectRows<{ member_id: string }>(
    tx,
    sql`delete from segment_members sm where sm.program_id = ${p.programId}::uuid and sm.segment_id = ${p.segmentId}::uuid
        and not exists (select 1 from members m where m.id = sm.member_id and ${predicate}) returning sm.member_id`,
  );
  const added = await selectRows<{ member_id: string }>(
    tx,
    sql`insert into segment_members (program_id, segment_id, member_id)
        select m.program_id, ${p.segmentId}::uuid, m.id from members m where ${predicate}
        on conflict do nothing returning member_id`,
  );
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.programId, p.programId), eq(segmentMembers.segmentId, p.segmentId)));
  const memberCount = Number(count?.n ?? 0);
  await tx.update(segments).set({ memberCount, refreshedAt: p.now }).where(and(eq(segments.programId, p.programId), eq(segments.id, p.segmentId)));
  return { memberCount, added: added.length, removed: removed.length };
}

export async function listSegments(db: Executor, p: { programId: string }): Promise<SegmentRow[]> {
  return db.select().from(segments).where(eq(segments.programId, p.programId)).orderBy(asc(segments.name), asc(segments.id));
}

export async function getSegment(db: Executor, p: { programId: string; segmentId: string }): Promise<SegmentRow | undefined> {
  const [row] = await db.select().from(segments).where(and(eq(segments.programId, p.programId), eq(segments.id, p.segmentId)));
  return row;
}

export async function insertSegment(tx: Executor, values: { programId: string; name: string; definition: SegmentDefinition }): Promise<SegmentRow> {
  const [row] = await tx.insert(segments).values(values).returning();
  return row!;
}

export async function updateSegment(tx: Executor, p: { programId: string; segmentId: string }, values: { name: string; definition: SegmentDefinition }): Promise<SegmentRow | undefined> {
  const [row] = await tx
    .update(segments)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(segments.programId, p.programId), eq(segments.id, p.segmentId)))
    .returning();
  return row;
}

export async function deleteSegment(tx: Executor, p: { programId: string; segmentId: string }): Promise<void> {
  await tx.delete(segmentMembers).where(and(eq(segmentMembers.programId, p.programId), eq(segmentMembers.segmentId, p.segmentId)));
  await tx.delete(segments).where(and(eq(segments.programId, p.programId), eq(segments.id, p.segmentId)));
}

export type SegmentExportRow = { id: string; cardNumber: string; name: string | null; email: string | null; phone: string | null; tierKey: string | null; available: number };

/** One page of a segment's stored members (keyset by member id), for the CSV export. */
export async function listSegmentMembersPage(db: Executor, p: { programId: string; segmentId: string; after: string | null; limit: number }): Promise<SegmentExportRow[]> {
  const rows = await selectRows<{ id: string; card_number: string; name: string | null; email: string | null; phone: string | null; tier_key: string | null; available: number }>(
    db,
    sql`select m.id, m.card_number, m.name, m.email, m.phone, m.tier_key,
          coalesce((select a.available from point_accounts a where a.program_id = m.program_id and a.member_id = m.id), 0)::int as available
        from segment_members sm join members m on m.program_id = sm.program_id and m.id = sm.member_id
        where sm.program_id = ${p.programId}::uuid and sm.segment_id = ${p.segmentId}::uuid and m.status <> 'anonymized'
          ${p.after ? sql`and sm.member_id > ${p.after}::uuid` : sql``}
        order by sm.member_id limit ${p.limit}::int`,
  );
  return rows.map((r) => ({ id: r.id, cardNumber: r.card_number, name: r.name, email: r.email, phone: r.phone, tierKey: r.tier_key, available: Number(r.available) }));
}
