import { getFirstPublishedPlanVersion, getLivePlanVersion, listCategoryOptions } from "@/db/queries/plans";
import { getSegment, listSegments, type SegmentRow } from "@/db/queries/segments";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { SegmentDefinition } from "@/lib/domain/segments/definition";
import { NotFoundError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/localized-text";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { segmentRefSchema } from "@/lib/validation/segments";

export type SegmentListItem = { id: string; name: string; memberCount: number | null; refreshedAt: Date | null; updatedAt: Date; conditions: number };

const countConditions = (d: SegmentDefinition): number => d.items.reduce((n, i) => n + (i.type === "group" ? countConditions(i) : 1), 0);

/** The program's segments with their last counts (segments:read); `canWrite` and `canExport` tell the console what to offer. */
export async function listProgramSegments(db: Executor, actor: Actor, input: { programId: string }): Promise<{ segments: SegmentListItem[]; canWrite: boolean; canExport: boolean }> {
  const program = await authorizeProgram(db, actor, "segments:read", input?.programId);
  const rows = await listSegments(db, { programId: program.id });
  return {
    segments: rows.map((r) => ({ id: r.id, name: r.name, memberCount: r.memberCount, refreshedAt: r.refreshedAt, updatedAt: r.updatedAt, conditions: countConditions(r.definition as SegmentDefinition) })),
    canWrite: can(actor, "segments:write", program),
    canExport: can(actor, "exports:read", program),
  };
}

export type SegmentEditor = {
  segment: (Omit<SegmentRow, "definition"> & { definition: SegmentDefinition }) | null;
  currency: string;
  tiers: { key: string; name: LocalizedText }[];
  categories: { code: string; name: string; level: number }[];
  canWrite: boolean;
  canExport: boolean;
};

/** What the builder needs: the segment (when editing), the program's currency, tiers and catalog categories (segments:read). */
export async function getSegmentEditor(db: Executor, actor: Actor, input: { programId: string; segmentId?: string }, now = new Date()): Promise<SegmentEditor> {
  const program = await authorizeProgram(db, actor, "segments:read", input?.programId);
  let segment: SegmentRow | undefined;
  if (input.segmentId !== undefined) {
    const { segmentId } = parseInput(segmentRefSchema, input);
    segment = await getSegment(db, { programId: program.id, segmentId });
    if (!segment) throw new NotFoundError("segment", segmentId);
  }
  const version = (await getLivePlanVersion(db, { programId: program.id, at: now })) ?? (await getFirstPublishedPlanVersion(db, program.id));
  const tiers = ((version?.definition as PlanDefinition | undefined)?.tiers ?? []).map((t) => ({ key: t.key, name: t.name }));
  return {
    segment: segment ? { ...segment, definition: segment.definition as SegmentDefinition } : null,
    currency: program.currency,
    tiers,
    categories: await listCategoryOptions(db, { programId: program.id }),
    canWrite: can(actor, "segments:write", program),
    canExport: can(actor, "exports:read", program),
  };
}
