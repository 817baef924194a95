import { countSegment, sampleSegment } from "@/db/queries/segments";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { maskEmail, maskName } from "@/lib/domain/segments/mask";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { previewSegmentSchema, type PreviewSegmentInput } from "@/lib/validation/segments";

export type SegmentPreview = { count: number; sample: { id: string; name: string | null; email: string | null; tierKey: string | null; available: number }[] };

export const PREVIEW_SAMPLE_SIZE = 10;

/** How many members a definition selects now, and a few of them with name and email masked (segments:read; writes nothing). */
export async function previewSegment(db: Executor, actor: Actor, input: PreviewSegmentInput, now = new Date()): Promise<SegmentPreview> {
  const program = await authorizeProgram(db, actor, "segments:read", input?.programId);
  const { definition } = parseInput(previewSegmentSchema, input);
  const scope = { programId: program.id, now, timeZone: program.timeZone, definition };
  const [count, rows] = await Promise.all([countSegment(db, scope), sampleSegment(db, { ...scope, limit: PREVIEW_SAMPLE_SIZE })]);
  return { count, sample: rows.map((r) => ({ ...r, name: maskName(r.name), email: maskEmail(r.email) })) };
}
