import { and, desc, eq, isNull, lte, max, ne, sql } from "drizzle-orm";
import { pilotCovers, type Pilot, type PilotAudience } from "@/lib/domain/plan/pilot";
import { planVersions, productCategories, segmentMembers, segments } from "../schema";
import type { Executor } from "../types";

export type PlanVersionRow = typeof planVersions.$inferSelect;

export async function insertPlanVersion(db: Executor, values: typeof planVersions.$inferInsert): Promise<PlanVersionRow> {
  const [row] = await db.insert(planVersions).values(values).returning();
  return row!;
}

/**
 * The published version in force at `at`: the latest effective one not after
 * it. Without an audience, only general (non-pilot) versions count; with one,
 * a pilot version counts when it covers the purchase's store and segments.
 */
export async function getLivePlanVersion(db: Executor, p: { programId: string; at: Date; audience?: PilotAudience }): Promise<PlanVersionRow | undefined> {
  const published = and(eq(planVersions.programId, p.programId), eq(planVersions.status, "published"), lte(planVersions.effectiveFrom, p.at));
  if (!p.audience) {
    const [row] = await db.select().from(planVersions).where(and(published, isNull(planVersions.pilot))).orderBy(desc(planVersions.effectiveFrom)).limit(1);
    return row;
  }
  // Pilots are few: scan back from the newest until a general version or a covering pilot.
  const rows = await db.select().from(planVersions).where(published).orderBy(desc(planVersions.effectiveFrom), desc(planVersions.version)).limit(50);
  const audience = p.audience;
  return rows.find((r) => pilotCovers(r.pilot as Pilot | null, audience));
}

/** The oldest general published version, for purchases older than every effective date (imports of history). */
export async function getFirstPublishedPlanVersion(db: Executor, programId: string): Promise<PlanVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.programId, programId), eq(planVersions.status, "published"), isNull(planVersions.pilot)))
    .orderBy(planVersions.effectiveFrom)
    .limit(1);
  return row;
}

export async function getDraftPlanVersion(db: Executor, p: { programId: string }): Promise<PlanVersionRow | undefined> {
  const [row] = await db.select().from(planVersions).where(and(eq(planVersions.programId, p.programId), eq(planVersions.status, "draft"))).limit(1);
  return row;
}

export async function getPlanVersion(db: Executor, p: { programId: string; versionId: string }): Promise<PlanVersionRow | undefined> {
  const [row] = await db.select().from(planVersions).where(and(eq(planVersions.programId, p.programId), eq(planVersions.id, p.versionId))).limit(1);
  return row;
}

/** Every version but drafts, newest first. */
export async function listPublishedPlanVersions(db: Executor, p: { programId: string; limit: number }): Promise<PlanVersionRow[]> {
  return db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.programId, p.programId), ne(planVersions.status, "draft")))
    .orderBy(desc(planVersions.version))
    .limit(p.limit);
}

/** The next version number, excluding the draft (whose number is settled when it is published). */
export async function nextPlanVersionNumber(tx: Executor, p: { programId: string }): Promise<number> {
  const [row] = await tx
    .select({ top: max(planVersions.version) })
    .from(planVersions)
    .where(and(eq(planVersions.programId, p.programId), ne(planVersions.status, "draft")));
  return (row?.top ?? 0) + 1;
}

/** Locks the program's versions so two publishers do not race for one number (a no-op read otherwise). */
export async function lockPlanVersions(tx: Executor, p: { programId: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan_versions:${p.programId}`}))`);
}

/** Only drafts change; published and retired versions are immutable (the WHERE guarantees it). */
export async function updateDraftPlanVersion(tx: Executor, p: { programId: string; id: string; name: string; definition: unknown; version: number }): Promise<PlanVersionRow | undefined> {
  const [row] = await tx
    .update(planVersions)
    .set({ name: p.name, definition: p.definition, version: p.version })
    .where(and(eq(planVersions.programId, p.programId), eq(planVersions.id, p.id), eq(planVersions.status, "draft")))
    .returning();
  return row;
}

export async function publishDraftPlanVersion(
  tx: Executor,
  p: { programId: string; id: string; version: number; publishedBy: string | null; at: Date; pilot: Pilot | null },
): Promise<PlanVersionRow | undefined> {
  const [row] = await tx
    .update(planVersions)
    .set({ status: "published", version: p.version, publishedAt: p.at, publishedBy: p.publishedBy, effectiveFrom: p.at, pilot: p.pilot })
    .where(and(eq(planVersions.programId, p.programId), eq(planVersions.id, p.id), eq(planVersions.status, "draft")))
    .returning();
  return row;
}

export async function deleteDraftPlanVersion(tx: Executor, p: { programId: string; id: string }): Promise<boolean> {
  const rows = await tx
    .delete(planVersions)
    .where(and(eq(planVersions.programId, p.programId), eq(planVersions.id, p.id), eq(planVersions.status, "draft")))
    .returning({ id: planVersions.id });
  return rows.length > 0;
}

/** The segments a member belongs to (for rule conditions and pilots). */
export async function listMemberSegmentIds(db: Executor, p: { programId: string; memberId: string }): Promise<string[]> {
  const rows = await db
    .select({ id: segmentMembers.segmentId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.programId, p.programId), eq(segmentMembers.memberId, p.memberId)));
  return rows.map((r) => r.id);
}

/** Category codes and names for the designer's pickers (any level). */
export async function listCategoryOptions(db: Executor, p: { programId: string }): Promise<{ code: string; name: string; level: number }[]> {
  return db
    .select({ code: productCategories.code, name: productCategories.name, level: productCategories.level })
    .from(productCategories)
    .where(eq(productCategories.programId, p.programId))
    .orderBy(productCategories.level, productCategories.code)
    .limit(500);
}

export async function listSegmentOptions(db: Executor, p: { programId: string }): Promise<{ id: string; name: string }[]> {
  return db.select({ id: segments.id, name: segments.name }).from(segments).where(eq(segments.programId, p.programId)).orderBy(segments.name).limit(200);
}
