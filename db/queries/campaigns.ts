import { and, asc, desc, eq, sql } from "drizzle-orm";
import { campaignAwards, campaignMembers, campaigns } from "../schema";
import type { CampaignRunProgress } from "../schema/engagement";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;

export async function listCampaigns(db: Executor, p: { programId: string }): Promise<CampaignRow[]> {
  return db.select().from(campaigns).where(eq(campaigns.programId, p.programId)).orderBy(desc(campaigns.createdAt), asc(campaigns.id));
}

export async function getCampaign(db: Executor, p: { programId: string; campaignId: string }): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.programId, p.programId), eq(campaigns.id, p.campaignId)));
  return row;
}

/** The campaign row under FOR UPDATE: awards of one campaign queue here, so its budget is spent exactly. */
export async function lockCampaign(tx: Executor, p: { programId: string; campaignId: string }): Promise<CampaignRow | undefined> {
  const [row] = await tx.select().from(campaigns).where(and(eq(campaigns.programId, p.programId), eq(campaigns.id, p.campaignId))).for("update");
  return row;
}

export async function insertCampaign(tx: Executor, values: NewCampaign): Promise<CampaignRow> {
  const [row] = await tx.insert(campaigns).values(values).returning();
  return row!;
}

export async function updateCampaignRow(tx: Executor, p: { programId: string; campaignId: string }, values: Partial<NewCampaign>): Promise<CampaignRow | undefined> {
  const [row] = await tx
    .update(campaigns)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(campaigns.programId, p.programId), eq(campaigns.id, p.campaignId)))
    .returning();
  return row;
}

export async function addCampaignSpend(tx: Executor, p: { programId: string; campaignId: string; points: number; moneyMinor: number; count?: number }): Promise<void> {
  await tx
    .update(campaigns)
    .set({ spentPoints: sql`${campaigns.spentPoints} + ${p.points}`, spentMoneyMinor: sql`${campaigns.spentMoneyMinor} + ${p.moneyMinor}`, spentCount: sql`${campaigns.spentCount} + ${p.count ?? 0}` })
    .where(and(eq(campaigns.programId, p.programId), eq(campaigns.id, p.campaignId)));
}

/** Running campaigns of some kinds (the job's work list). */
export async function listRunningCampaigns(db: Executor, p: { programId: string; kinds: CampaignRow["kind"][] }): Promise<CampaignRow[]> {
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.programId, p.programId), eq(campaigns.status, "running"), sql`${campaigns.kind} in ${p.kinds}`))
    .orderBy(asc(campaigns.createdAt), asc(campaigns.id));
}

/** Live bonus campaigns whose audience includes the member (no segment = everyone), with the member's stored arm. */
export async function listMemberBonusCampaigns(db: Executor, p: { programId: string; memberId: string; at: Date }): Promise<(CampaignRow & { group: "treatment" | "control" | null })[]> {
  const rows = await db
    .select({ c: campaigns, group: campaignMembers.group })
    .from(campaigns)
    .leftJoin(campaignMembers, and(eq(campaignMembers.programId, campaigns.programId), eq(campaignMembers.campaignId, campaigns.id), eq(campaignMembers.memberId, p.memberId)))
    .where(
      and(
        eq(campaigns.programId, p.programId),
        eq(campaigns.kind, "bonus"),
        eq(campaigns.status, "running"),
        sql`(${campaigns.startsAt} is null or ${campaigns.startsAt} <= ${p.at.toISOString()}::timestamptz)`,
        sql`(${campaigns.endsAt} is null or ${campaigns.endsAt} > ${p.at.toISOString()}::timestamptz)`,
        sql`(${campaigns.segmentId} is null or exists (select 1 from segment_members sm where sm.program_id = ${campaigns.programId} and sm.segment_id = ${campaigns.segmentId} and sm.member_id = ${p.memberId}::uuid))`,
      ),
    )
    .orderBy(asc(campaigns.id));
  return rows.map((r) => ({ ...r.c, group: r.group }));
}

export type AudiencePageRow = { id: string };

const inSegment = (segmentId: string | null) =>
  segmentId ? sql`and exists (select 1 from segment_members sm where sm.program_id = m.program_id and sm.segment_id = ${segmentId}::uuid and sm.member_id = m.id)` : sql``;

const notAwarded = (pending?: { campaignId: string; periodKey: string }) =>
  pending
    ? sql`and not exists (select 1 from campaign_awards a where a.program_id = m.program_id and a.campaign_id = ${pending.campaignId}::uuid and a.member_id = m.id and a.period_key = ${pending.periodKey})`
    : sql``;

/**
 * One page of a campaign's audience (its segment's members, or every active
 * member), keyset by id. With `pending`, only members the campaign has no
 * award for in that period yet: a later sweep of a running offer reads the
 * newcomers only.
 */
export async function listAudiencePage(db: Executor, p: { programId: string; segmentId: string | null; after: string | null; limit: number; pending?: { campaignId: string; periodKey: string } }): Promise<string[]> {
  const rows = await selectRows<AudiencePageRow>(
    db,
    sql`select m.id from members m
        where m.program_id = ${p.programId}::uuid and m.status = 'active'
          ${inSegment(p.segmentId)}
          ${notAwarded(p.pending)}
          ${p.after ? sql`and m.id > ${p.after}::uuid` : sql``}
        order by m.id limit ${p.limit}`,
  );
  return rows.map((r) => r.id);
}

export async function assignCampaignMembers(tx: Executor, rows: { programId: string; campaignId: string; memberId: string; group: "treatment" | "control" }[]): Promise<void> {
  if (rows.length) await tx.insert(campaignMembers).values(rows).onConflictDoNothing();
}

export type FactsRow = {
  id: string;
  status: "active" | "suspended" | "anonymized";
  name: string | null;
  email: string | null;
  locale: string | null;
  consent_marketing: boolean;
  birthday: string | null;
  enrolled_ms: number;
  lifetime_earned: number;
  last_activity_ms: number | null;
  purchase_ms: number[] | null;
  upgrade_tier: string | null;
  upgrade_ms: number | null;
  expiry_points: number | null;
  expiry_ms: number | null;
};

const ms = (col: ReturnType<typeof sql>) => sql`(extract(epoch from ${col}) * 1000)::float8`;

/**
 * What the trigger engine needs about a page of the audience, in one statement:
 * profile and consent, lifetime points and last activity, the first `purchases`
 * purchase times, the latest upgrade, and the soonest-expiring available points.
 * Instants come back as epoch milliseconds so both drivers agree.
 */
export async function loadMemberFacts(db: Executor, p: { programId: string; segmentId: string | null; after: string | null; limit: number; purchases: number }): Promise<FactsRow[]> {
  const rows = await selectRows<FactsRow>(
    db,
    sql`select m.id, m.status, m.name, m.email, m.locale, m.consent_marketing, m.birthday::text as birthday,
          ${ms(sql`m.enrolled_at`)} as enrolled_ms,
          coalesce(a.lifetime_earned, 0)::int as lifetime_earned,
          ${ms(sql`a.last_activity_at`)} as last_activity_ms,
          (select jsonb_agg(t) from (select ${ms(sql`p.occurred_at`)} as t from purchases p
             where p.program_id = m.program_id and p.member_id = m.id and p.status <> 'refunded'
             order by p.occurred_at limit ${p.purchases}) x) as purchase_ms,
          u.to_tier as upgrade_tier, ${ms(sql`u.created_at`)} as upgrade_ms,
          e.points::int as expiry_points, ${ms(sql`e.expires_at`)} as expiry_ms
        from members m
        left join point_accounts a on a.program_id = m.program_id and a.member_id = m.id
        left join lateral (select h.to_tier, h.created_at from member_tier_history h
          where h.program_id = m.program_id and h.member_id = m.id and h.reason = 'qualified' and h.to_tier is not null
          order by h.created_at desc limit 1) u on true
        left join lateral (select l.expires_at, sum(l.remaining) as points from point_lots l
          where l.program_id = m.program_id and l.account_id = a.id and l.state = 'available' and l.remaining > 0 and l.expires_at is not null
          group by l.expires_at order by l.expires_at limit 1) e on true
        where m.program_id = ${p.programId}::uuid and m.status = 'active'
          ${p.segmentId ? sql`and exists (select 1 from segment_members sm where sm.program_id = m.program_id and sm.segment_id = ${p.segmentId}::uuid and sm.member_id = m.id)` : sql``}
          ${p.after ? sql`and m.id > ${p.after}::uuid` : sql``}
        order by m.id limit ${p.limit}`,
  );
  return rows.map((r) => ({ ...r, enrolled_ms: Number(r.enrolled_ms), last_activity_ms: r.last_activity_ms === null ? null : Number(r.last_activity_ms), upgrade_ms: r.upgrade_ms === null ? null : Number(r.upgrade_ms), expiry_ms: r.expiry_ms === null ? null : Number(r.expiry_ms), purchase_ms: (typeof r.purchase_ms === "string" ? JSON.parse(r.purchase_ms) : r.purchase_ms) as number[] | null }));
}

export async function hasAward(tx: Executor, p: { programId: string; campaignId: string; memberId: string; periodKey: string }): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(campaignAwards)
    .where(and(eq(campaignAwards.programId, p.programId), eq(campaignAwards.campaignId, p.campaignId), eq(campaignAwards.memberId, p.memberId), eq(campaignAwards.periodKey, p.periodKey)));
  return Boolean(row);
}

export async function countMemberAwards(tx: Executor, p: { programId: string; campaignId: string; memberId: string }): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignAwards)
    .where(and(eq(campaignAwards.programId, p.programId), eq(campaignAwards.campaignId, p.campaignId), eq(campaignAwards.memberId, p.memberId)));
  return Number(row?.n ?? 0);
}

/** Inserts the award; false when the (campaign, member, period) already has one. */
export async function insertAward(tx: Executor, values: typeof campaignAwards.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(campaignAwards).values(values).onConflictDoNothing().returning({ memberId: campaignAwards.memberId });
  return rows.length > 0;
}

/** How many active members the audience holds (the sweep's progress total). */
export async function countAudience(db: Executor, p: { programId: string; segmentId: string | null; pending?: { campaignId: string; periodKey: string } }): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from members m where m.program_id = ${p.programId}::uuid and m.status = 'active' ${inSegment(p.segmentId)} ${notAwarded(p.pending)}`);
  return Number(row?.n ?? 0);
}

/** Award rows of one period, by arm: how many members a campaign has already been through. */
export async function countPeriodAwards(db: Executor, p: { programId: string; campaignId: string; periodKey: string }): Promise<{ awarded: number; control: number }> {
  const [row] = await db
    .select({ awarded: sql<number>`count(*) filter (where not ${campaignAwards.isControl})::int`, control: sql<number>`count(*) filter (where ${campaignAwards.isControl})::int` })
    .from(campaignAwards)
    .where(and(eq(campaignAwards.programId, p.programId), eq(campaignAwards.campaignId, p.campaignId), eq(campaignAwards.periodKey, p.periodKey)));
  return { awarded: Number(row?.awarded ?? 0), control: Number(row?.control ?? 0) };
}

export async function setCampaignProgress(db: Executor, p: { programId: string; campaignId: string; progress: CampaignRunProgress }): Promise<void> {
  await db
    .update(campaigns)
    .set({ runProgress: p.progress })
    .where(and(eq(campaigns.programId, p.programId), eq(campaigns.id, p.campaignId)));
}

export async function setAwardCoupon(tx: Executor, p: { programId: string; campaignId: string; memberId: string; periodKey: string; couponId: string }): Promise<void> {
  await tx
    .update(campaignAwards)
    .set({ couponId: p.couponId })
    .where(and(eq(campaignAwards.programId, p.programId), eq(campaignAwards.campaignId, p.campaignId), eq(campaignAwards.memberId, p.memberId), eq(campaignAwards.periodKey, p.periodKey)));
}

export async function setAwardEntry(tx: Executor, p: { programId: string; campaignId: string; memberId: string; periodKey: string; entryId: number }): Promise<void> {
  await tx
    .update(campaignAwards)
    .set({ entryId: p.entryId })
    .where(and(eq(campaignAwards.programId, p.programId), eq(campaignAwards.campaignId, p.campaignId), eq(campaignAwards.memberId, p.memberId), eq(campaignAwards.periodKey, p.periodKey)));
}

export type ArmMetricsRow = {
  group: "treatment" | "control";
  n: number;
  awarded: number;
  points: number;
  participants: number;
  purchases: number;
  purchases_sq: number;
  revenue: number;
  revenue_sq: number;
  redemptions: number;
  redemptions_sq: number;
  offers_issued: number;
  offers_redeemed: number;
};

/**
 * Per arm, sums and sums of squares of each member's outcomes inside the
 * window: participation (bought at least once), purchases, revenue kept (after
 * refunds) and redemptions; and an offer's coupons issued and redeemed (over the
 * campaign's life). One statement; the lift is computed in lib/domain.
 */
export async function campaignArmMetrics(db: Executor, p: { programId: string; campaignId: string; from: Date; to: Date }): Promise<ArmMetricsRow[]> {
  const from = p.from.toISOString();
  const to = p.to.toISOString();
  const rows = await selectRows<ArmMetricsRow>(
    db,
    sql`with per_member as (
          select cm.group::text as "group", cm.member_id,
            coalesce(pu.n, 0) as purchases, coalesce(pu.revenue, 0) as revenue, coalesce(rd.n, 0) as redemptions,
            coalesce(aw.n, 0) as awarded, coalesce(aw.points, 0) as points,
            coalesce(cp.issued, 0) as offers_issued, coalesce(cp.redeemed, 0) as offers_redeemed
          from campaign_members cm
          left join lateral (select count(*)::float8 as n, sum(p.amount_minor - p.refunded_minor)::float8 as revenue from purchases p
            where p.program_id = cm.program_id and p.member_id = cm.member_id and p.status <> 'refunded'
              and p.occurred_at >= ${from}::timestamptz and p.occurred_at < ${to}::timestamptz) pu on true
          left join lateral (select count(*)::float8 as n from ledger_entries e
            where e.program_id = cm.program_id and e.member_id = cm.member_id and e.kind = 'redeem'
              and e.occurred_at >= ${from}::timestamptz and e.occurred_at < ${to}::timestamptz) rd on true
          left join lateral (select count(*)::float8 as n, sum(a.points)::float8 as points from campaign_awards a
            where a.program_id = cm.program_id and a.campaign_id = cm.campaign_id and a.member_id = cm.member_id and not a.is_control) aw on true
          left join lateral (select count(*)::float8 as issued, count(*) filter (where c.status = 'redeemed')::float8 as redeemed from coupons c
            where c.program_id = cm.program_id and c.member_id = cm.member_id and c.campaign_id = cm.campaign_id) cp on true
          where cm.program_id = ${p.programId}::uuid and cm.campaign_id = ${p.campaignId}::uuid)
        select "group", count(*)::float8 as n, sum(case when awarded > 0 then 1 else 0 end)::float8 as awarded, sum(points)::float8 as points,
          sum(case when purchases > 0 then 1 else 0 end)::float8 as participants,
          sum(purchases)::float8 as purchases, sum(purchases * purchases)::float8 as purchases_sq,
          sum(revenue)::float8 as revenue, sum(revenue * revenue)::float8 as revenue_sq,
          sum(redemptions)::float8 as redemptions, sum(redemptions * redemptions)::float8 as redemptions_sq,
          sum(offers_issued)::float8 as offers_issued, sum(offers_redeemed)::float8 as offers_redeemed
        from per_member group by "group"`,
  );
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === "group" ? v : Number(v ?? 0)])) as ArmMetricsRow);
}

/** Running or paused campaigns whose end date has passed become ended. */
export async function endFinishedCampaigns(tx: Executor, p: { programId: string; now: Date }): Promise<number> {
  const rows = await tx
    .update(campaigns)
    .set({ status: "ended", updatedAt: sql`now()` })
    .where(and(eq(campaigns.programId, p.programId), sql`${campaigns.status} in ('running', 'paused')`, sql`${campaigns.endsAt} <= ${p.now.toISOString()}::timestamptz`))
    .returning({ id: campaigns.id });
  return rows.length;
}
