import { getMember } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor } from "@/lib/domain/api/cursor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { listHistory } from "./get-balance";

export type HistoryEntryView = {
  id: number;
  kind: string;
  points: number;
  availableDelta: number;
  pendingDelta: number;
  heldDelta: number;
  reason: string | null;
  channel: string;
  storeId: string | null;
  orderRef: string | null;
  reversesEntryId: number | null;
  holdId: string | null;
  explanation: unknown;
  occurredAt: string;
};

export type MemberHistoryPage = { data: HistoryEntryView[]; nextCursor: string | null };

/** A member's ledger, newest first, a page at a time (keyset on the entry id behind an opaque cursor). */
export async function listMemberHistory(
  db: Executor,
  actor: Actor,
  input: { programId: string; memberId: string; limit: number; cursor?: string },
): Promise<MemberHistoryPage> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "members:read", program);
  const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  if (before === null) throw new ValidationError({ cursor: ["This cursor is not valid; pass back a nextCursor exactly as given."] });
  if (!(await getMember(db, { programId: program.id, memberId: input.memberId }))) throw new NotFoundError("member", input.memberId);
  const page = await listHistory(db, { programId: program.id, memberId: input.memberId, limit: input.limit, before });
  return {
    data: page.entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      points: e.points,
      availableDelta: e.availableDelta,
      pendingDelta: e.pendingDelta,
      heldDelta: e.heldDelta,
      reason: e.reason,
      channel: e.channel,
      storeId: e.storeId,
      orderRef: e.orderRef,
      reversesEntryId: e.reversesEntryId,
      holdId: e.holdId,
      explanation: e.explanation,
      occurredAt: e.occurredAt.toISOString(),
    })),
    nextCursor: page.nextCursor === null ? null : encodeCursor(page.nextCursor),
  };
}
