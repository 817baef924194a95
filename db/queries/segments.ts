import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { SegmentCondition, SegmentDefinition, SegmentGroup } from "@/lib/domain/segments/definition";
import { segmentMembers, segments } from "../schema";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type SegmentRow = typeof segments.$inferSelect;

/** What a definition is evaluated against: the program, the clock and the program's time zone (ages, birthdays, dates). */
export type SegmentScope = { programId: string; now: Date; timeZone: string };

/**
 * Compiles one condition to a predicate over the member row `m`, its purchase
 * summary `st` and its point account `a` (both left-joined by segmentSource;
 * null when the member never bought or has no account). Conditions over `st`
 * and `a` are two-valued (never null), so they can be negated and sit in "any"
 * groups as plain row tests, with no subquery per member. `top`: the condition
 * is one of the definition's top-level ANDs, where null excludes the member as
 * false does; there a positive test is written plainly (null for a member
 * without a summary or account), so the planner joins only the summaries or
 * accounts that pass it (an inner join) instead of every member's. Every value
 * is a bound parameter (Drizzle's sql template; arrays become
 * `($1, $2…)`); nothing the user typed is spliced into the text.
 */
function conditionSql(c: SegmentCondition, s: SegmentScope, top: boolean): SQL {
  const orFalse = (test: SQL) => (top ? test : sql`coalesce(${test}, false)`);
  const now = sql`${s.now.toISOString()}::timestamptz`;
  const since = (days: number) => sql`(${now} - make_interval(days => ${days}::int))`;
  const today = sql`(${now} at time zone ${s.timeZone})::date`;
  // A member's stored prediction (member_predictions): members without one never match a prediction condition.
  const predicted = (test: SQL) => sql`exists (select 1 from member_predictions mp where mp.program_id = m.program_id and mp.member_id = m.id and ${test})`;
  // Refunded purchases do not count as purchases; partly refunded ones count for what was kept.
  const purchasesOf = sql`from purchases p where p.program_id = m.program_id and p.member_id = m.id and p.status <> 'refunded'`;
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
      return orFalse(c.op === "lte" ? sql`st.last_purchase_at >= ${since(c.days)}` : sql`st.last_purchase_at < ${since(c.days)}`);
    // Counts and sums in a window: "≥ N" keeps the members reaching N; "≤ N" drops those above it (so
    // members with no purchase in the window, whose count and sum are 0, are kept). See inWindow().
    case "purchaseCount": {
      const from = since(c.days);
      // "≥ 1" and "≤ 0" only ask whether the member bought in the window: their last purchase says so.
      const bought = (plain: boolean) => (plain ? sql`st.last_purchase_at >= ${from}` : sql`coalesce(st.last_purchase_at >= ${from}, false)`);
      if (c.op === "gte") return c.count <= 0 ? sql`true` : c.count === 1 ? bought(top) : inWindow(from, "count", "gte", c.count, top);
      return c.count === 0 ? sql`not ${bought(false)}` : sql`not ${inWindow(from, "count", "gte", c.count + 1, false)}`;
    }
    case "spend": {
      const from = since(c.days);
      if (c.op === "lte") return sql`not ${inWindow(from, "kept", "gt", c.amountMinor, false)}`;
      return c.amountMinor > 0 ? inWindow(from, "kept", "gte", c.amountMinor, top) : sql`not ${inWindow(from, "kept", "lt", c.amountMinor, false)}`;
    }
    case "tier":
      return sql`m.tier_key in ${c.tiers}`;
    case "pointsBalance":
      // A member without an account has 0 points.
      if (c.op === "gte" && c.points > 0) return orFalse(sql`a.available >= ${c.points}::int`);
      return sql`coalesce(a.available, 0) ${c.op === "gte" ? sql`>=` : sql`<=`} ${c.points}::int`;
    case "expiringPoints":
      return sql`coalesce((select sum(l.remaining) from point_lots l join point_accounts pa on pa.program_id = l.program_id and pa.id = l.account_id
        where pa.program_id = m.program_id and pa.member_id = m.id and l.remaining > 0 and l.state = 'available'
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

const COMPARE = { gte: sql`>=`, gt: sql`>`, lt: sql`<` } as const;

/**
 * Whether the member's purchase count or amount kept since `from` compares to `value` as `op` says, for a
 * test that a member with no purchase in the window fails (0 ≥ 1, 0 > 0, 0 < −1: callers negate it for the
 * other forms). From the summary `st` wherever it answers: no purchase since `from` (last before it) fails;
 * a whole history inside the window (first purchase since `from`) has the window's count and sum in the
 * summary. A history that straddles `from` holds at most its total less its first purchase (count − 1,
 * kept − first_kept_minor; a purchase never keeps less than 0: amounts are positive, refunds never exceed
 * them), so for ≥ and > most fail on that bound; only the rest have their window's purchases read, one
 * range of purchases_member_idx each, after every cheaper test of the definition passed.
 */
function inWindow(from: SQL, what: "count" | "kept", op: keyof typeof COMPARE, value: number, top: boolean): SQL {
  const lifetime = what === "count" ? sql`st.purchases` : sql`st.kept_minor`;
  const beforeFrom = what === "count" ? sql`(st.purchases - 1)` : sql`(st.kept_minor - st.first_kept_minor)`;
  const cmp = (x: SQL) => (what === "count" ? sql`${x} ${COMPARE[op]} ${value}::int` : sql`${x} ${COMPARE[op]} ${value}::bigint`);
  const read = sql`(select ${what === "count" ? sql`count(*)` : sql`coalesce(sum(p.amount_minor - p.refunded_minor), 0)`} from purchases p
    where p.program_id = m.program_id and p.member_id = m.id and p.status <> 'refunded' and p.occurred_at >= ${from})`;
  // The bounds hold for "at least" tests only ("less than", the negation of "spend ≥ 0 or less", reads the window).
  const upper = op === "lt" ? sql`` : sql`${cmp(beforeFrom)} and `;
  const bound = op === "lt" ? sql`` : sql` and ${cmp(lifetime)}`;
  // The first test is false, never null, for a member without a summary: nothing after it is evaluated then
  // (at the top level, plain: those members are not joined at all).
  const bought = top ? sql`st.last_purchase_at >= ${from}` : sql`coalesce(st.last_purchase_at >= ${from}, false)`;
  return sql`(${bought}${bound} and case when st.first_purchase_at >= ${from} then ${cmp(lifetime)} else ${upper}${cmp(read)} end)`;
}

type Joins = { stats: boolean; account: boolean; other: boolean };

/** What the definition reads besides the member row: the purchase summary, the point account, other tables. */
function joinsOf(g: SegmentGroup, into: Joins = { stats: false, account: false, other: false }): Joins {
  for (const item of g.items) {
    if (item.type === "group") joinsOf(item, into);
    else if (item.type === "lastPurchase" || item.type === "purchaseCount" || item.type === "spend") into.stats = true;
    else if (item.type === "pointsBalance") into.account = true;
    else if (item.type === "expiringPoints" || item.type === "categoryPurchase" || item.type === "churnRisk" || item.type === "predictedClv" || item.type === "replenishmentDue") into.other = true;
  }
  return into;
}

/** `top`: every group above, and this one, is "all" (its conditions are top-level ANDs). */
function groupSql(g: SegmentGroup, s: SegmentScope, top = true): SQL {
  if (g.items.length === 0) return sql`true`;
  const inner = top && g.match === "all";
  const parts = g.items.map((item) => (item.type === "group" ? groupSql(item, s, inner) : conditionSql(item, s, inner)));
  return sql`(${sql.join(parts, sql.raw(g.match === "all" ? " and " : " or "))})`;
}

/**
 * The members of the program (anonymized ones never) that the definition selects, as a WHERE over
 * `members m` and what segmentSource joins to it (`st`, `a`): use it through segmentSource.
 */
export function segmentPredicate(definition: SegmentDefinition, s: SegmentScope): SQL {
  return sql`m.program_id = ${s.programId}::uuid and m.status <> 'anonymized' and ${groupSql(definition, s)}`;
}

/**
 * `from … where …` over the members the definition selects (`m`), for a select, insert or exists. Each
 * member's purchase summary and point account are joined once (one row each at most) when a condition
 * reads them, instead of a lookup per condition: the planner walks members, summaries and accounts
 * together in member order, whether the condition sits in an "all" or an "any" group. Summaries and
 * accounts come ordered from subqueries: as a plain outer join (conditions under "any"), the program
 * test in the ON clause would keep the planner from seeing their indexes as in member order, and it
 * would sort a million rows instead.
 */
export function segmentSource(definition: SegmentDefinition, s: SegmentScope): SQL {
  const joins = joinsOf(definition);
  return sql`from members m
    ${joins.stats ? sql`left join (select member_id, first_purchase_at, last_purchase_at, purchases, kept_minor, first_kept_minor from member_purchase_stats
      where program_id = ${s.programId}::uuid order by member_id) st on st.member_id = m.id` : sql``}
    ${joins.account ? sql`left join (select member_id, available from point_accounts
      where program_id = ${s.programId}::uuid and member_id is not null order by member_id) a on a.member_id = m.id` : sql``}
    where ${segmentPredicate(definition, s)}`;
}

/**
 * Runs a one-off read over a whole program's members with planner settings for this transaction only.
 * No JIT: compiling costs more than it saves (~300 ms seen). Index pages costed as cached (a random page
 * read about as cheap as a sequential one), so members come from members_segment_idx and summaries from
 * member_purchase_stats_segment_idx (index-only, in member order) rather than from their wide tables.
 * No parallel workers: on the 2 cores measured, starting them cost more than they saved, even for a
 * plain count. And when the definition reads nothing but the member, its summary and its account, no
 * hash joins: the three are then walked together in member order (merge joins), about twice as fast as
 * hashing a million members, which the planner's costs miss; other conditions (categories, predictions,
 * expiring points) keep the planner's choice.
 */
async function withSegmentSettings<T>(db: Executor, definition: SegmentDefinition, run: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local random_page_cost = 1.1`);
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    if (!joinsOf(definition).other) await tx.execute(sql`set local enable_hashjoin = off`);
    return run(tx);
  });
}

export async function countSegment(db: Executor, p: SegmentScope & { definition: SegmentDefinition }): Promise<number> {
  return withSegmentSettings(db, p.definition, async (tx) => {
    const [row] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n ${segmentSource(p.definition, p)}`);
    return Number(row?.n ?? 0);
  });
}

export type SegmentSampleRow = { id: string; name: string | null; email: string | null; tierKey: string | null; available: number };

/**
 * A few members the definition selects, for the builder's preview: the first
 * in member id order, which for random ids is a random pick. That is the order
 * the count walks members in (merge joins with their summaries and accounts),
 * so the walk stops after `limit` matches instead of ranking the whole segment
 * (at 1M members, the newest-first sample cost as much as the count).
 */
export async function sampleSegment(db: Executor, p: SegmentScope & { definition: SegmentDefinition; limit: number }): Promise<SegmentSampleRow[]> {
  // Picked first (ids only, what the segment indexes hold), then their names and balances.
  const rows = await withSegmentSettings(db, p.definition, (tx) =>
    selectRows<{ id: string; name: string | null; email: string | null; tier_key: string | null; available: number }>(
      tx,
      sql`select m.id, m.name, m.email, m.tier_key,
            coalesce((select pa.available from point_accounts pa where pa.program_id = m.program_id and pa.member_id = m.id), 0)::int as available
          from (select m.id ${segmentSource(p.definition, p)} order by m.id limit ${p.limit}::int) picked
          join members m on m.program_id = ${p.programId}::uuid and m.id = picked.id
          order by picked.id`,
    ),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, tierKey: r.tier_key, available: Number(r.available) }));
}

/**
 * Makes the stored membership match the definition now: removes members who
 * left, adds those who joined, sets the count and time. Run inside the
 * caller's transaction; running it twice in a row changes nothing but the time.
 */
export async function refreshSegmentMembers(tx: Executor, p: SegmentScope & { segmentId: string; definition: SegmentDefinition }): Promise<{ memberCount: number; added: number; removed: number }> {
  const source = segmentSource(p.definition, p);
  const removed = await selectRows<{ member_id: string }>(
    tx,
    sql`delete from segment_members sm where sm.program_id = ${p.programId}::uuid and sm.segment_id = ${p.segmentId}::uuid
        and not exists (select 1 ${source} and m.id = sm.member_id) returning sm.member_id`,
  );
  const added = await selectRows<{ member_id: string }>(
    tx,
    sql`insert into segment_members (program_id, segment_id, member_id)
        select m.program_id, ${p.segmentId}::uuid, m.id ${source}
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
