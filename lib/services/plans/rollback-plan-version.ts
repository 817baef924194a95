import { getLivePlanVersion, getPlanVersion, insertPlanVersion, lockPlanVersions, nextPlanVersionNumber } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { rollbackPlanSchema, type RollbackPlanInput } from "@/lib/validation/plan";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { auditedVersion, planProgram, planVersionView, type PlanVersionView } from "./plan-access";
import { checkPilot } from "./publish-plan-draft";

/**
 * Brings back an earlier published version by publishing a NEW version with
 * its definition (published rows are never edited, so history stays true).
 * Without a pilot it applies to everyone, which is also how a pilot is rolled
 * out to the whole program. Audited.
 */
export async function rollbackPlanVersion(db: Executor, actor: Actor, input: RollbackPlanInput, now = new Date()): Promise<PlanVersionView> {
  const program = await planProgram(db, actor, input.programId, "plans:write");
  const data = parseInput(rollbackPlanSchema, input);
  const pilot = data.pilot ?? null;
  await checkPilot(db, program.id, pilot);
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx, { programId: program.id });
    const source = await getPlanVersion(tx, { programId: program.id, versionId: data.versionId });
    if (!source || source.status === "draft") throw new NotFoundError("plan version", data.versionId);
    const before = await getLivePlanVersion(tx, { programId: program.id, at: now });
    const version = await nextPlanVersionNumber(tx, { programId: program.id });
    const row = await insertPlanVersion(tx, {
      programId: program.id,
      version,
      status: "published",
      name: source.name,
      definition: source.definition,
      pilot,
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
      publishedAt: now,
      publishedBy: actor.kind === "user" ? actor.userId : null,
      effectiveFrom: now,
    });
    await recordAudit(tx, actor, {
      program,
      action: "plan.rollback",
      targetType: "plan_version",
      targetId: row.id,
      before: auditedVersion(before),
      after: { ...auditedVersion(row), copiedFrom: { id: source.id, version: source.version } },
    });
    return planVersionView(row);
  });
}
