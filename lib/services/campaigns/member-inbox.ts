import { countUnreadInbox, hasInboxMessage, listInboxViews, markInboxRead, markInboxReadThrough, type InboxView } from "@/db/queries/inbox";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { effectiveStatus } from "@/lib/domain/rewards/coupon-state";
import { NotFoundError } from "@/lib/errors";
import { selfRef } from "@/lib/services/members/self-ref";
import { parseInput } from "@/lib/validation/common";
import { markAllReadSchema, markMessageReadSchema, type MarkAllReadInput, type MarkMessageReadInput } from "@/lib/validation/inbox";

export type { InboxView };
export type MyInbox = { messages: InboxView[]; unread: number };

/*
 * The portal inbox. Whose inbox is never an input: every function takes the
 * member from the session (selfRef), so a member reads and marks only their
 * own messages, and anyone else (a console user, an API key) finds no member.
 */

/**
 * The signed-in member's messages, newest first, with offers' coupons (in the
 * state they really have now: past due reads as expired); `unread` counts
 * every unread message, not only this page's.
 */
export async function listMyInbox(db: Executor, actor: Actor, limit = 50, now = new Date()): Promise<MyInbox> {
  const ref = selfRef(actor);
  const [messages, unread] = await Promise.all([listInboxViews(db, { ...ref, limit }), countUnreadInbox(db, ref)]);
  return { messages: messages.map((m) => (m.coupon ? { ...m, coupon: { ...m.coupon, status: effectiveStatus(m.coupon, now) } } : m)), unread };
}

/** The portal navigation's badge: how many of the member's messages are unread. */
export async function countMyUnread(db: Executor, actor: Actor): Promise<number> {
  return countUnreadInbox(db, selfRef(actor));
}

/** Marks one of the member's own messages read; another member's id is "not found"; marking twice changes nothing. */
export async function markMyMessageRead(db: Executor, actor: Actor, input: MarkMessageReadInput, now = new Date()): Promise<{ changed: boolean }> {
  const ref = selfRef(actor);
  const { messageId } = parseInput(markMessageReadSchema, input);
  const changed = await markInboxRead(db, { ...ref, messageId, at: now });
  if (!changed && !(await hasInboxMessage(db, { ...ref, messageId }))) throw new NotFoundError("message", messageId);
  return { changed };
}

/** "Mark all read": every unread message up to the newest the member was shown; another member's id is "not found". */
export async function markAllMyMessagesRead(db: Executor, actor: Actor, input: MarkAllReadInput, now = new Date()): Promise<{ changed: number }> {
  const ref = selfRef(actor);
  const { throughId } = parseInput(markAllReadSchema, input);
  const changed = await markInboxReadThrough(db, { ...ref, throughId, at: now });
  if (changed < 0) throw new NotFoundError("message", throughId);
  return { changed };
}
