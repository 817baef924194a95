import { deleteDraftPlanVersion, getDraftPlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { discardPlanSchema, type DiscardPlanInput } from "@/lib/validation/plan";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { auditedVersion, planProgram } from "./plan-access";

/** Throws the draft away (published versions are untouched). Audited with what was discarded. */
export async function discardPlanDraft(db: Executor, actor: Actor, input: DiscardPlanInput): Promise<{ discarded: string }> {
  const program = await planProgram(db, actor, input.programId, "plans:write");
  const data = parseInput(discardPlanSchema, input);
  return db.transaction(async (tx) => {
    const draft = await getDraftPlanVersion(tx, { programId: program.id });
    if (!draft || draft.id !== data.draftId || !(await deleteDraftPlanVersion(tx, { programId: program.id, id: draft.id }))) throw new NotFoundError("plan draft");
    await recordAudit(tx, actor, { program, action: "plan.draft_discard", targetType: "plan_version", targetId: draft.id, before: auditedVersion(draft) });
    return { discarded: draft.id };
  });
}
