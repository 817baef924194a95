import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { coupons, memberMessages, rewards } from "../schema";
import type { Executor } from "../types";

export type InboxMessageRow = typeof memberMessages.$inferSelect;

/** A message as the inbox shows it: an offer's coupon (code, state, expiry) and reward come along. */
export type InboxView = InboxMessageRow & {
  coupon: { code: string; status: "issued" | "redeemed" | "expired" | "voided"; expiresAt: Date | null } | null;
  reward: { name: { es: string; en: string }; kind: string } | null;
};

type MemberRef = { programId: string; memberId: string };
const ofMember = (p: MemberRef) => and(eq(memberMessages.programId, p.programId), eq(memberMessages.memberId, p.memberId));

/** One member's messages, newest first (program and member always in the WHERE). */
export async function listInboxViews(db: Executor, p: MemberRef & { limit: number }): Promise<InboxView[]> {
  const rows = await db
    .select({ m: memberMessages, code: coupons.code, status: coupons.status, expiresAt: coupons.expiresAt, rewardName: rewards.name, rewardKind: rewards.kind })
    .from(memberMessages)
    .leftJoin(coupons, and(eq(coupons.programId, memberMessages.programId), eq(coupons.id, memberMessages.couponId), eq(coupons.memberId, memberMessages.memberId)))
    .leftJoin(rewards, and(eq(rewards.programId, memberMessages.programId), eq(rewards.id, memberMessages.rewardId)))
    .where(ofMember(p))
    .orderBy(desc(memberMessages.createdAt), desc(memberMessages.id))
    .limit(p.limit);
  return rows.map((r) => ({
    ...r.m,
    coupon: r.code && r.status ? { code: r.code, status: r.status, expiresAt: r.expiresAt } : null,
    reward: r.rewardName && r.rewardKind ? { name: r.rewardName, kind: r.rewardKind } : null,
  }));
}

export async function countUnreadInbox(db: Executor, p: MemberRef): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberMessages).where(and(ofMember(p), isNull(memberMessages.readAt)));
  return Number(row?.n ?? 0);
}

export async function insertInboxMessage(tx: Executor, values: typeof memberMessages.$inferInsert): Promise<void> {
  await tx.insert(memberMessages).values(values);
}

/** Whether the member has this message (another member's id is simply not there). */
export async function hasInboxMessage(db: Executor, p: MemberRef & { messageId: string }): Promise<boolean> {
  const [row] = await db.select({ id: memberMessages.id }).from(memberMessages).where(and(ofMember(p), eq(memberMessages.id, p.messageId)));
  return Boolean(row);
}

/** Marks one unread message read; false when it was read already or is not the member's. */
export async function markInboxRead(tx: Executor, p: MemberRef & { messageId: string; at: Date }): Promise<boolean> {
  const rows = await tx
    .update(memberMessages)
    .set({ readAt: p.at })
    .where(and(ofMember(p), eq(memberMessages.id, p.messageId), isNull(memberMessages.readAt)))
    .returning({ id: memberMessages.id });
  return rows.length > 0;
}

/**
 * Marks read every unread message up to and including `throughId` (the newest
 * the member was shown), so a message that arrives meanwhile stays unread.
 * Returns how many changed; an id that is not the member's changes nothing.
 */
export async function markInboxReadThrough(tx: Executor, p: MemberRef & { throughId: string; at: Date }): Promise<number> {
  const [through] = await tx.select({ createdAt: memberMessages.createdAt }).from(memberMessages).where(and(ofMember(p), eq(memberMessages.id, p.throughId)));
  if (!through) return -1;
  const rows = await tx
    .update(memberMessages)
    .set({ readAt: p.at })
    .where(and(ofMember(p), isNull(memberMessages.readAt), lte(memberMessages.createdAt, through.createdAt)))
    .returning({ id: memberMessages.id });
  return rows.length;
}
