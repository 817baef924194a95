import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { listMemberHistory } from "@/lib/services/members/list-member-history";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { pagedCsvStream } from "./paged-csv-stream";

export const MEMBER_HISTORY_CSV_COLUMNS = ["entry_id", "occurred_at", "kind", "category", "points_change", "points"] as const;

/**
 * One member's whole ledger from the console (members:read + exports:read),
 * newest first, as a CSV stream read 100 entries a page. The first page is
 * read before the stream is returned, so another program's or an unknown
 * member is a 404, not an empty file.
 */
export async function memberHistoryCsvStream(db: Executor, actor: Actor, input: { programId: string; memberId: string }): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const program = await authorizeProgram(db, actor, "members:read", input.programId);
  authorize(actor, "exports:read", program);
  const first = await listMemberHistory(db, actor, { programId: program.id, memberId: input.memberId, limit: 100 });
  // Cursor 0 = the page already read; entry ids are positive.
  const stream = pagedCsvStream<number>(MEMBER_HISTORY_CSV_COLUMNS, 0, async (before) => {
    const page = before === 0 ? first : await listMemberHistory(db, actor, { programId: program.id, memberId: input.memberId, before, limit: 100 });
    return { rows: page.entries.map((e) => [e.id, e.occurredAt, e.kind, e.category, e.change, e.points]), next: page.nextCursor };
  });
  return { stream, filename: `member-${input.memberId.slice(0, 8)}-history.csv` };
}
