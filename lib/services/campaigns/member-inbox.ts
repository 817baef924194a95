import { listInboxMessages, markInboxRead, type InboxMessageRow } from "@/db/queries/campaigns";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { selfRef } from "@/lib/services/members/self-ref";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MyInbox = { messages: InboxMessageRow[]; unread: number };

/** The signed-in member's portal inbox, newest first (members only; anyone else finds no member). */
export async function listMyInbox(db: Executor, actor: Actor, limit = 50): Promise<MyInbox> {
  const ref = selfRef(actor);
  const messages = await listInboxMessages(db, { ...ref, limit });
  return { messages, unread: messages.filter((m) => !m.readAt).length };
}

/** Marks one of the member's own messages read; another member's id is "not found"; marking twice changes nothing. */
export async function markMyMessageRead(db: Executor, actor: Actor, messageId: unknown, now = new Date()): Promise<{ changed: boolean }> {
  const ref = selfRef(actor);
  if (typeof messageId !== "string" || !UUID.test(messageId)) throw new NotFoundError("message", String(messageId));
  const changed = await markInboxRead(db, { ...ref, messageId, at: now });
  if (!changed && !(await listInboxMessages(db, { ...ref, limit: 500 })).some((m) => m.id === messageId)) throw new NotFoundError("message", messageId);
  return { changed };
}
