import { getProgramById } from "@/db/queries/programs";
import { listSegments, refreshSegmentMembers } from "@/db/queries/segments";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { SegmentDefinition } from "@/lib/domain/segments/definition";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { refreshSegmentsSchema } from "@/lib/validation/segments";

/** `members`: the refreshed segments' members, added up (a member in two segments counts twice). */
type RefreshCounts = { segments: number; members: number; added: number; removed: number };

/** Recomputes every segment of a program, one transaction per segment (the hourly job and "refresh all"). */
export async function refreshProgramSegments(db: Executor, p: { programId: string; now: Date; segmentId?: string }): Promise<RefreshCounts> {
  const program = await getProgramById(db, p.programId);
  if (!program) return { segments: 0, members: 0, added: 0, removed: 0 };
  const rows = (await listSegments(db, { programId: program.id })).filter((s) => !p.segmentId || s.id === p.segmentId);
  const total: RefreshCounts = { segments: 0, members: 0, added: 0, removed: 0 };
  for (const segment of rows) {
    const done = await db.transaction((tx) =>
      refreshSegmentMembers(tx, { programId: program.id, segmentId: segment.id, definition: segment.definition as SegmentDefinition, now: p.now, timeZone: program.timeZone }),
    );
    total.segments += 1;
    total.members += done.memberCount;
    total.added += done.added;
    total.removed += done.removed;
  }
  return total;
}

/** "Refresh now" from the console: one segment or all of the program's (segments:write, audited). */
export async function refreshSegments(db: Executor, actor: Actor, input: { programId: string; segmentId?: string }, now = new Date()): Promise<RefreshCounts> {
  const program = await authorizeProgram(db, actor, "segments:write", input?.programId);
  const { segmentId } = parseInput(refreshSegmentsSchema, input);
  const result = await refreshProgramSegments(db, { programId: program.id, now, segmentId });
  if (segmentId && result.segments === 0) throw new NotFoundError("segment", segmentId);
  await recordAudit(db, actor, { program, action: "segment.refresh", targetType: "segment", targetId: segmentId, after: result });
  return result;
}
