import { getDraftPlanVersion, getLivePlanVersion, insertPlanVersion, lockPlanVersions, nextPlanVersionNumber, updateDraftPlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { parseInput } from "@/lib/validation/common";
import { savePlanDraftSchema, type SavePlanDraftInput } from "@/lib/validation/plan";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { auditedVersion, planProgram, planVersionView, type PlanVersionView } from "./plan-access";

/**
 * Saves the program's draft plan (there is at most one), creating it when
 * none exists. The whole document is validated; nothing is written when any
 * field is wrong. Audited with before/after.
 */
export async function savePlanDraft(db: Executor, actor: Actor, input: SavePlanDraftInput, now = new Date()): Promise<PlanVersionView> {
  const program = await planProgram(db, actor, input.programId, "plans:write");
  const data = parseInput(savePlanDraftSchema, input);
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx, { programId: program.id });
    const before = await getDraftPlanVersion(tx, { programId: program.id });
    const version = await nextPlanVersionNumber(tx, { programId: program.id });
    const name = data.name ?? before?.name ?? `Plan v${version}`;
    const row = before
      ? await updateDraftPlanVersion(tx, { programId: program.id, id: before.id, name, definition: data.definition, version })
      : await insertPlanVersion(tx, { programId: program.id, version, status: "draft", name, definition: data.definition, createdBy: actorRef(actor).actorId, createdAt: now });
    await recordAudit(tx, actor, { program, action: "plan.draft_save", targetType: "plan_version", targetId: row!.id, before: auditedVersion(before), after: auditedVersion(row) });
    return planVersionView(row!);
  });
}

/**
 * The draft to edit: the existing one, or a copy of the live version (not yet
 * saved — it becomes a draft on the first save). Read-only, so `plans:read`.
 */
export async function getPlanDraft(db: Executor, actor: Actor, input: { programId: string }, now = new Date()): Promise<{ draft: PlanVersionView | null; definition: PlanDefinition; name: string }> {
  const program = await planProgram(db, actor, input.programId, "plans:read");
  const draft = await getDraftPlanVersion(db, { programId: program.id });
  if (draft) return { draft: planVersionView(draft), definition: draft.definition as PlanDefinition, name: draft.name };
  const live = await getLivePlanVersion(db, { programId: program.id, at: now });
  return { draft: null, definition: structuredClone((live?.definition as PlanDefinition | undefined) ?? defaultPlan()), name: live ? `${live.name}` : "Plan" };
}
