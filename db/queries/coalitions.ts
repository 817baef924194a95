import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { coalitionLinks, members, oneTimeCodes, organizations, pointTransfers, programs } from "../schema";
import type { Executor } from "../types";

export type CoalitionLinkRow = typeof coalitionLinks.$inferSelect;
export type PointTransferRow = typeof pointTransfers.$inferSelect;

export async function getCoalitionLink(db: Executor, p: { fromProgramId: string; toProgramId: string }): Promise<CoalitionLinkRow | undefined> {
  const [row] = await db.select().from(coalitionLinks).where(and(eq(coalitionLinks.fromProgramId, p.fromProgramId), eq(coalitionLinks.toProgramId, p.toProgramId)));
  return row;
}

/** Every link of an organization, both directions, with the programs' names. */
export async function listCoalitionLinks(db: Executor, organizationId: string) {
  const target = sql<string>`(select ${programs.name} from ${programs} where ${programs.id} = ${coalitionLinks.toProgramId})`;
  const source = sql<string>`(select ${programs.name} from ${programs} where ${programs.id} = ${coalitionLinks.fromProgramId})`;
  return db
    .select({ fromProgramId: coalitionLinks.fromProgramId, toProgramId: coalitionLinks.toProgramId, fromName: source, toName: target, rateNumerator: coalitionLinks.rateNumerator, rateDenominator: coalitionLinks.rateDenominator, updatedAt: coalitionLinks.updatedAt })
    .from(coalitionLinks)
    .where(eq(coalitionLinks.organizationId, organizationId))
    .orderBy(asc(source), asc(target));
}

/** Links leaving one program (where its members may send points), with the target's name and point name. */
export async function listLinksFrom(db: Executor, fromProgramId: string) {
  return db
    .select({ toProgramId: coalitionLinks.toProgramId, rateNumerator: coalitionLinks.rateNumerator, rateDenominator: coalitionLinks.rateDenominator, name: programs.name, slug: programs.slug, pointName: programs.pointName })
    .from(coalitionLinks)
    .innerJoin(programs, eq(programs.id, coalitionLinks.toProgramId))
    .where(eq(coalitionLinks.fromProgramId, fromProgramId))
    .orderBy(asc(programs.name));
}

export async function upsertCoalitionLink(tx: Executor, values: typeof coalitionLinks.$inferInsert & { updatedAt: Date }): Promise<void> {
  await tx
    .insert(coalitionLinks)
    .values(values)
    .onConflictDoUpdate({ target: [coalitionLinks.fromProgramId, coalitionLinks.toProgramId], set: { rateNumerator: values.rateNumerator, rateDenominator: values.rateDenominator, updatedAt: values.updatedAt } });
}

/** Removes both directions of a pair; returns how many rows went. */
export async function deleteCoalitionPair(tx: Executor, p: { a: string; b: string }): Promise<number> {
  const rows = await tx
    .delete(coalitionLinks)
    .where(or(and(eq(coalitionLinks.fromProgramId, p.a), eq(coalitionLinks.toProgramId, p.b)), and(eq(coalitionLinks.fromProgramId, p.b), eq(coalitionLinks.toProgramId, p.a))))
    .returning({ from: coalitionLinks.fromProgramId });
  return rows.length;
}

/**
 * Active members of a program whose email was proven by a used sign-in code
 * there: the only ones a coalition transfer may reach. Several hits mean the
 * address is ambiguous, and the caller refuses.
 */
export async function findVerifiedMembersByEmail(db: Executor, p: { programId: string; email: string }): Promise<{ id: string }[]> {
  return db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.programId, p.programId),
        sql`lower(${members.email}) = lower(${p.email})`,
        eq(members.status, "active"),
        sql`exists (select 1 from ${oneTimeCodes} where ${oneTimeCodes.programId} = ${p.programId} and lower(${oneTimeCodes.email}) = lower(${p.email}) and ${oneTimeCodes.usedAt} is not null)`,
      ),
    )
    .limit(2);
}

export async function insertPointTransfer(tx: Executor, values: typeof pointTransfers.$inferInsert): Promise<PointTransferRow> {
  const [row] = await tx.insert(pointTransfers).values(values).returning();
  return row!;
}

/** A member's transfers out of a program, newest first. */
export async function listTransfersOfMember(db: Executor, p: { programId: string; memberId: string; limit: number }) {
  return db
    .select({ id: pointTransfers.id, toProgramId: pointTransfers.toProgramId, toName: programs.name, pointsDebited: pointTransfers.pointsDebited, pointsCredited: pointTransfers.pointsCredited, createdAt: pointTransfers.createdAt })
    .from(pointTransfers)
    .innerJoin(programs, eq(programs.id, pointTransfers.toProgramId))
    .where(and(eq(pointTransfers.programId, p.programId), eq(pointTransfers.fromMemberId, p.memberId), isNotNull(pointTransfers.debitEntryId)))
    .orderBy(desc(pointTransfers.createdAt))
    .limit(p.limit);
}

export async function listProgramsByIds(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(programs).where(inArray(programs.id, ids));
}

export async function getOrganizationById(db: Executor, organizationId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  return row;
}
