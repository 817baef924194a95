import { and, desc, eq, sql } from "drizzle-orm";
import { memberPredictions, predictionFits, purchaseLines, purchases } from "../schema";
import type { Executor } from "../types";

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** A purchase's calendar day in the program's zone (the models count days, not instants). */
const localDay = (timeZone: string) => sql`(${purchases.occurredAt} at time zone ${timeZone})::date`;

/** Purchases that count: a member's, not fully refunded; their value net of refunds. */
const counted = (programId: string) => sql`${purchases.programId} = ${programId} and ${purchases.memberId} is not null and ${purchases.status} <> 'refunded'`;

/** First and last purchase day of the program's members (null, null without purchases). */
export async function purchaseDayRange(db: Executor, p: { programId: string; timeZone: string; upTo?: string }): Promise<{ first: string | null; last: string | null }> {
  const day = localDay(p.timeZone);
  const rows = rowsOf<{ first: string | null; last: string | null }>(
    await db.execute(sql`select min(${day})::text as first, max(${day})::text as last from ${purchases}
      where ${counted(p.programId)} ${p.upTo ? sql`and ${day} <= ${p.upTo}::date` : sql``}`),
  );
  return rows[0] ?? { first: null, last: null };
}

export type MemberOccasionSummary = {
  memberId: string;
  firstDay: string;
  /** Last occasion up to the calibration end. */
  lastDay: string;
  /** Occasions (distinct purchase days) up to the calibration end. */
  occasions: number;
  /** Spend of those occasions, and of the repeat ones (all but the first), in minor units. */
  total: number;
  repeatTotal: number;
  /** Occasions after the calibration end up to the holdout end (0 without one). */
  holdoutOccasions: number;
};

/**
 * Per member, the inputs of the customer-base models, summed in SQL: one
 * occasion per member and local day (amounts added up), then first/last day,
 * occasion count, spend and repeat spend up to `calibrationEnd`, and the
 * occasions in (calibrationEnd, holdoutEnd]. Members whose first purchase is
 * after the calibration end are left out.
 */
export async function memberOccasionSummaries(
  db: Executor,
  p: { programId: string; timeZone: string; calibrationEnd: string; holdoutEnd?: string },
): Promise<MemberOccasionSummary[]> {
  const day = localDay(p.timeZone);
  const end = p.holdoutEnd ?? p.calibrationEnd;
  const rows = rowsOf<{ member_id: string; first_day: string; last_day: string; occasions: number; total: number; repeat_total: number; holdout: number }>(
    await db.execute(sql`
      with occ as (
        select ${purchases.memberId} as member_id, ${day} as day, sum(${purchases.amountMinor} - ${purchases.refundedMinor}) as amount
          from ${purchases}
         where ${counted(p.programId)} and ${day} <= ${end}::date
         group by 1, 2
      ), ranked as (
        select member_id, day, amount, row_number() over (partition by member_id order by day) as n from occ
      )
      select member_id::text as member_id,
             min(day)::text as first_day,
             max(day) filter (where day <= ${p.calibrationEnd}::date)::text as last_day,
             (count(*) filter (where day <= ${p.calibrationEnd}::date))::int as occasions,
             coalesce(sum(amount) filter (where day <= ${p.calibrationEnd}::date), 0)::float8 as total,
             coalesce(sum(amount) filter (where n > 1 and day <= ${p.calibrationEnd}::date), 0)::float8 as repeat_total,
             (count(*) filter (where day > ${p.calibrationEnd}::date))::int as holdout
        from ranked
       group by member_id
      having min(day) <= ${p.calibrationEnd}::date
       order by member_id`),
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    firstDay: r.first_day,
    lastDay: r.last_day,
    occasions: Number(r.occasions),
    total: Number(r.total),
    repeatTotal: Number(r.repeat_total),
    holdoutOccasions: Number(r.holdout),
  }));
}

/**
 * The cohort clock of the tracking chart, in SQL: for members whose first
 * purchase is on or before `cohortEnd`, how many started on each day offset
 * from `start`, and how many repeat occasions fell on each day offset up to `end`.
 */
export async function cohortDayCounts(
  db: Executor,
  p: { programId: string; timeZone: string; start: string; cohortEnd: string; end: string },
): Promise<{ starts: { offset: number; count: number }[]; repeats: { offset: number; count: number }[] }> {
  const day = localDay(p.timeZone);
  const rows = rowsOf<{ kind: string; offset: number; n: number }>(
    await db.execute(sql`
      with occ as (
        select distinct ${purchases.memberId} as member_id, ${day} as day from ${purchases}
         where ${counted(p.programId)} and ${day} <= ${p.end}::date
      ), ranked as (
        select member_id, day, row_number() over (partition by member_id order by day) as n,
               min(day) over (partition by member_id) as first_day
          from occ
      )
      select case when n = 1 then 'start' else 'repeat' end as kind, (day - ${p.start}::date)::int as "offset", count(*)::int as n
        from ranked
       where first_day <= ${p.cohortEnd}::date
       group by 1, 2`),
  );
  const starts: { offset: number; count: number }[] = [];
  const repeats: { offset: number; count: number }[] = [];
  for (const r of rows) (r.kind === "start" ? starts : repeats).push({ offset: Number(r.offset), count: Number(r.n) });
  return { starts, repeats };
}

/** Spend per member, category and local day up to `upTo`, from lines with a category (minor units, net of refunded quantities). */
export async function memberCategoryDays(
  db: Executor,
  p: { programId: string; timeZone: string; upTo: string },
): Promise<{ memberId: string; category: string; day: string; amount: number }[]> {
  const day = localDay(p.timeZone);
  const rows = rowsOf<{ member_id: string; category: string; day: string; amount: number }>(
    await db.execute(sql`
      select ${purchases.memberId}::text as member_id, ${purchaseLines.category} as category, ${day}::text as day,
             sum((${purchaseLines.quantity} - ${purchaseLines.refundedQuantity}) * ${purchaseLines.unitPriceMinor})::float8 as amount
        from ${purchaseLines}
        join ${purchases} on ${purchases.programId} = ${purchaseLines.programId} and ${purchases.id} = ${purchaseLines.purchaseId}
       where ${counted(p.programId)} and ${purchaseLines.category} is not null and ${day} <= ${p.upTo}::date
       group by 1, 2, 3
       order by 1, 3`),
  );
  return rows.map((r) => ({ memberId: r.member_id, category: r.category, day: r.day, amount: Number(r.amount) }));
}

export type NewMemberPrediction = typeof memberPredictions.$inferInsert;

/** Replaces the program's member predictions with `rows` (call inside a transaction). */
export async function replaceMemberPredictions(db: Executor, programId: string, rows: NewMemberPrediction[], chunk = 5000): Promise<void> {
  await db.delete(memberPredictions).where(eq(memberPredictions.programId, programId));
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk).map((r) => ({ ...r, fitted_at: r.fittedAt.toISOString() }));
    await db.execute(sql`
      insert into ${memberPredictions} (program_id, member_id, as_of, frequency, p_alive, expected_purchases_90d, expected_spend_minor, clv_12m_minor, clv_bin,
                                        rfm_r, rfm_f, rfm_m, rfm_segment, favourite_category, replenishment_category, replenishment_date, fitted_at)
      select r."programId", r."memberId", r."asOf", r.frequency, r."pAlive", r."expectedPurchases90d", r."expectedSpendMinor", r."clv12mMinor", r."clvBin",
             r."rfmR", r."rfmF", r."rfmM", r."rfmSegment", r."favouriteCategory", r."replenishmentCategory", r."replenishmentDate", r.fitted_at
        from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb) as r(
             "programId" uuid, "memberId" uuid, "asOf" date, frequency int, "pAlive" float8, "expectedPurchases90d" float8,
             "expectedSpendMinor" float8, "clv12mMinor" float8, "clvBin" smallint, "rfmR" smallint, "rfmF" smallint, "rfmM" smallint, "rfmSegment" text,
             "favouriteCategory" text, "replenishmentCategory" text, "replenishmentDate" date, fitted_at timestamptz)`);
  }
}

export type NewPredictionFit = typeof predictionFits.$inferInsert;
export type PredictionFitRow = typeof predictionFits.$inferSelect;

export async function insertPredictionFit(db: Executor, row: NewPredictionFit): Promise<PredictionFitRow> {
  const [inserted] = await db.insert(predictionFits).values(row).returning();
  return inserted!;
}

export async function getLatestPredictionFit(db: Executor, programId: string): Promise<PredictionFitRow | undefined> {
  const [row] = await db.select().from(predictionFits).where(eq(predictionFits.programId, programId)).orderBy(desc(predictionFits.fittedAt)).limit(1);
  return row;
}

export async function countMemberPredictions(db: Executor, programId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberPredictions).where(and(eq(memberPredictions.programId, programId)));
  return Number(row?.n ?? 0);
}
