import { getDraftPlanVersion, getLivePlanVersion, listSegmentOptions, lockPlanVersions, nextPlanVersionNumber, publishDraftPlanVersion } from "@/db/queries/plans";
import { listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { Pilot } from "@/lib/domain/plan/pilot";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { planDefinitionSchema, publishPlanSchema, type PublishPlanInput } from "@/lib/validation/plan";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { auditedVersion, planProgram, planVersionView, type PlanVersionView } from "./plan-access";

/** A pilot may only name the program's own stores and segments. */
export async function checkPilot(db: Executor, programId: string, pilot: Pilot | null): Promise<void> {
  if (!pilot) return;
  const stores = await listStoreIds(db, programId);
  const segments = (await listSegmentOptions(db, { programId })).map((s) => s.id);
  if (pilot.storeIds?.some((id) => !stores.includes(id))) throw new NotFoundError("store");
  if (pilot.segmentIds?.some((id) => !segments.includes(id))) throw new NotFoundError("segment");
}

/**
 * Publishes the draft: from now on it is immutable and live (for everyone, or
 * for its pilot stores/segments only). The previous live version stays as
 * history: purchases dated before now still evaluate against it. Audited.
 */
export async function publishPlanDraft(db: Executor, actor: Actor, input: PublishPlanInput, now = new Date()): Promise<PlanVersionView> {
  const program = await planProgram(db, actor, input.programId, "plans:write");
  const data = parseInput(publishPlanSchema, input);
  const pilot = data.pilot ?? null;
  await checkPilot(db, program.id, pilot);
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx, { programId: program.id });
    const draft = await getDraftPlanVersion(tx, { programId: program.id });
    if (!draft || draft.id !== data.draftId) throw new NotFoundError("plan draft", data.draftId);
    // Drafts saved before a schema change are checked again: a published plan is always valid.
    const valid = planDefinitionSchema.safeParse(draft.definition);
    if (!valid.success) throw new ValidationError({ definition: valid.error.issues.map((i) => i.message) });
    const before = await getLivePlanVersion(tx, { programId: program.id, at: now });
    const version = await nextPlanVersionNumber(tx, { programId: program.id });
    const row = await publishDraftPlanVersion(tx, { programId: program.id, id: draft.id, version, publishedBy: actor.kind === "user" ? actor.userId : null, at: now, pilot });
    await recordAudit(tx, actor, { program, action: "plan.publish", targetType: "plan_version", targetId: row!.id, before: auditedVersion(before), after: auditedVersion(row) });
    return planVersionView(row!);
  });
}
