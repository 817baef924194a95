import { and, asc, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { ledgerEntries, members, memberTierHistory, planVersions, pointAccounts, pointLots, stores } from "../schema";
import type { Executor } from "../types";

/**
 * Reads for the console's members area and the member's own history. Every
 * query takes the program id and keeps it in the WHERE (and in every join).
 */
export type MemberListRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  cardNumber: string;
  tierKey: string | null;
  status: string;
  available: number;
  pending: number;
};

/** The columns of a member list row: who, tier, status and cached balances (0 without a point account yet). */
export const memberRowColumns = {
  id: members.id,
  name: members.name,
  email: members.email,
  phone: members.phone,
  cardNumber: members.cardNumber,
  tierKey: members.tierKey,
  status: members.status,
  available: sql<number>`coalesce(${pointAccounts.available}, 0)::int`,
  pending: sql<number>`coalesce(${pointAccounts.pending}, 0)::int`,
};

/** Left-join condition of a member's point account, kept on the program for Citus. */
export const pointAccountOfMember = and(eq(pointAccounts.programId, members.programId), eq(pointAccounts.memberId, members.id));

function searchCondition(programId: string, q: string | undefined) {
  const text = q?.trim();
  if (!text) return eq(members.programId, programId);
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = text.replace(/[^0-9]/g, "");
  return and(
    eq(members.programId, programId),
    or(
      sql`${members.name} ilike ${like}`,
      sql`lower(${members.email}) like lower(${like})`,
      eq(members.cardNumber, text),
      digits.length >= 4 ? sql`${members.cardNumber} like ${`${digits}%`}` : undefined,
      digits.length >= 4 ? sql`regexp_replace(coalesce(${members.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}` : undefined,
      eq(members.externalId, text),
    ),
  );
}

/** One page of members matching a name, email, phone or card number, with their tier and balances. */
export async function searchMembers(
  db: Executor,
  p: { programId: string; q?: string; offset: number; limit: number },
): Promise<{ rows: MemberListRow[]; total: number }> {
  const where = searchCondition(p.programId, p.q);
  const rows = await db
    .select(memberRowColumns)
    .from(members)
    .leftJoin(pointAccounts, pointAccountOfMember)
    .where(where)
    .orderBy(asc(sql`lower(coalesce(${members.name}, ${members.email}, ''))`), asc(members.id))
    .offset(p.offset)
    .limit(p.limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(where);
  return { rows: rows.map((r) => ({ ...r, available: Number(r.available), pending: Number(r.pending) })), total: Number(count?.n ?? 0) };
}

export type TierHistoryRow = { id: string; fromTier: string | null; toTier: string | null; reason: string; actorId: string | null; createdAt: Date };

export async function listTierHistory(db: Executor, p: { programId: string; memberId: string; limit: number }): Promise<TierHistoryRow[]> {
  return db
    .select({ id: memberTierHistory.id, fromTier: memberTierHistory.fromTier, toTier: memberTierHistory.toTier, reason: memberTierHistory.reason, actorId: memberTierHistory.actorId, createdAt: memberTierHistory.createdAt })
    .from(memberTierHistory)
    .where(and(eq(memberTierHistory.programId, p.programId), eq(memberTierHistory.memberId, p.memberId)))
    .orderBy(desc(memberTierHistory.createdAt), desc(memberTierHistory.id))
    .limit(p.limit);
}

export type LedgerHistoryRow = {
  id: number;
  kind: (typeof ledgerEntries.$inferSelect)["kind"];
  points: number;
  availableDelta: number;
  pendingDelta: number;
  reason: string | null;
  channel: string;
  orderRef: string | null;
  occurredAt: Date;
  explanation: unknown;
  reversesEntryId: number | null;
  storeName: string | null;
  lotPendingUntil: Date | null;
  lotExpiresAt: Date | null;
};

/** A member's entries newest first (keyset on id), optionally of some kinds, with the store's name and the dates of the lot each credit created. */
export async function listMemberLedger(
  db: Executor,
  p: { programId: string; memberId: string; kinds?: readonly string[]; before?: number; limit: number },
): Promise<LedgerHistoryRow[]> {
  const rows = await db
    .select({
      id: ledgerEntries.id,
      kind: ledgerEntries.kind,
      points: ledgerEntries.points,
      availableDelta: ledgerEntries.availableDelta,
      pendingDelta: ledgerEntries.pendingDelta,
      reason: ledgerEntries.reason,
      channel: ledgerEntries.channel,
      orderRef: ledgerEntries.orderRef,
      occurredAt: ledgerEntries.occurredAt,
      explanation: ledgerEntries.explanation,
      reversesEntryId: ledgerEntries.reversesEntryId,
      storeName: stores.name,
      lotPendingUntil: pointLots.pendingUntil,
      lotExpiresAt: pointLots.expiresAt,
    })
    .from(ledgerEntries)
    .leftJoin(stores, and(eq(stores.programId, ledgerEntries.programId), eq(stores.id, ledgerEntries.storeId)))
    .leftJoin(pointLots, and(eq(pointLots.programId, ledgerEntries.programId), eq(pointLots.id, ledgerEntries.lotId), eq(pointLots.sourceEntryId, ledgerEntries.id)))
    .where(
      and(
        eq(ledgerEntries.programId, p.programId),
        eq(ledgerEntries.memberId, p.memberId),
        p.kinds?.length ? inArray(ledgerEntries.kind, p.kinds as (typeof ledgerEntries.$inferSelect)["kind"][]) : undefined,
        p.before ? lt(ledgerEntries.id, p.before) : undefined,
      ),
    )
    .orderBy(desc(ledgerEntries.id))
    .limit(p.limit);
  return rows;
}

/** The `rules` of the given plan versions' definitions (for naming the rules an explanation cites). */
export async function listPlanVersionRules(db: Executor, p: { programId: string; versionIds: string[] }): Promise<{ id: string; rules: unknown }[]> {
  if (!p.versionIds.length) return [];
  return db
    .select({ id: planVersions.id, rules: sql<unknown>`${planVersions.definition} -> 'rules'` })
    .from(planVersions)
    .where(and(eq(planVersions.programId, p.programId), inArray(planVersions.id, p.versionIds)));
}

export type OpenLotRow = { id: string; remaining: number; state: "pending" | "available"; pendingUntil: Date | null; expiresAt: Date | null; createdAt: Date };

/** Lots still holding points, soonest expiry first (lots that never expire last). */
export async function listOpenLots(db: Executor, p: { programId: string; accountId: string; limit: number }): Promise<OpenLotRow[]> {
  return db
    .select({ id: pointLots.id, remaining: pointLots.remaining, state: pointLots.state, pendingUntil: pointLots.pendingUntil, expiresAt: pointLots.expiresAt, createdAt: pointLots.createdAt })
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), eq(pointLots.accountId, p.accountId), gt(pointLots.remaining, 0)))
    .orderBy(sql`${pointLots.expiresAt} asc nulls last`, asc(pointLots.createdAt), asc(pointLots.id))
    .limit(p.limit);
}

/** The member's latest qualifying activity (an earn or a redemption), the clock of the inactivity policy. */
export async function lastQualifyingActivity(db: Executor, p: { programId: string; accountId: string }): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${ledgerEntries.occurredAt})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.accountId, p.accountId), inArray(ledgerEntries.kind, ["earn", "redeem", "capture"])));
  return row?.at ? new Date(row.at) : null;
}

/** The member row, locked for the rest of the transaction (a tier review or a purchase's upgrade waits). */
export async function lockMember(tx: Executor, p: { programId: string; memberId: string }): Promise<typeof members.$inferSelect | undefined> {
  const [row] = await tx.select().from(members).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId))).for("update");
  return row;
}

export async function setTierOverrideUntil(tx: Executor, p: { programId: string; memberId: string; until: Date | null; now: Date }): Promise<void> {
  await tx.update(members).set({ tierOverrideUntil: p.until, updatedAt: p.now }).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)));
}
