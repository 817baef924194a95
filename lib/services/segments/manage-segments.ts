import { deleteSegment as deleteSegmentRow, getSegment, insertSegment, refreshSegmentMembers, updateSegment as updateSegmentRow, type SegmentRow } from "@/db/queries/segments";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { createSegmentSchema, segmentRefSchema, updateSegmentSchema, type CreateSegmentInput, type UpdateSegmentInput } from "@/lib/validation/segments";

const audited = (row: SegmentRow | undefined) => (row ? { name: row.name, definition: row.definition } : null);

/** Saves a new segment and fills its membership at once, so rules and rewards can target it right away (audited). */
export async function createSegment(db: Executor, actor: Actor, input: CreateSegmentInput, now = new Date()): Promise<SegmentRow> {
  const program = await authorizeProgram(db, actor, "segments:write", input?.programId);
  const { name, definition } = parseInput(createSegmentSchema, input);
  return db.transaction(async (tx) => {
    const row = await insertSegment(tx, { programId: program.id, name, definition });
    const { memberCount } = await refreshSegmentMembers(tx, { programId: program.id, segmentId: row.id, definition, now, timeZone: program.timeZone });
    await recordAudit(tx, actor, { program, action: "segment.create", targetType: "segment", targetId: row.id, after: audited(row) });
    return { ...row, memberCount, refreshedAt: now };
  });
}

/** Replaces a segment's name and rules and recomputes its membership (audited with before and after). */
export async function updateSegment(db: Executor, actor: Actor, input: UpdateSegmentInput, now = new Date()): Promise<SegmentRow> {
  const program = await authorizeProgram(db, actor, "segments:write", input?.programId);
  const { segmentId, name, definition } = parseInput(updateSegmentSchema, input);
  return db.transaction(async (tx) => {
    const before = await getSegment(tx, { programId: program.id, segmentId });
    if (!before) throw new NotFoundError("segment", segmentId);
    const row = (await updateSegmentRow(tx, { programId: program.id, segmentId }, { name, definition }))!;
    const { memberCount } = await refreshSegmentMembers(tx, { programId: program.id, segmentId, definition, now, timeZone: program.timeZone });
    await recordAudit(tx, actor, { program, action: "segment.update", targetType: "segment", targetId: segmentId, before: audited(before), after: audited(row) });
    return { ...row, memberCount, refreshedAt: now };
  });
}

/** Deletes a segment and its membership; rules and rewards that named it simply stop matching anyone (audited). */
export async function deleteSegment(db: Executor, actor: Actor, input: { programId: string; segmentId: string }): Promise<void> {
  const program = await authorizeProgram(db, actor, "segments:write", input?.programId);
  const { segmentId } = parseInput(segmentRefSchema, input);
  await db.transaction(async (tx) => {
    const before = await getSegment(tx, { programId: program.id, segmentId });
    if (!before) throw new NotFoundError("segment", segmentId);
    await deleteSegmentRow(tx, { programId: program.id, segmentId });
    await recordAudit(tx, actor, { program, action: "segment.delete", targetType: "segment", targetId: segmentId, before: audited(before) });
  });
}
