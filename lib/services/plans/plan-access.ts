import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { PlanVersionRow } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { Pilot } from "@/lib/domain/plan/pilot";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/common";

/**
 * Loads the program and checks the permission before any input is parsed, so
 * someone without the permission is refused whatever they send: outsiders get
 * "not found", insiders without it "forbidden".
 */
export async function planProgram(db: Executor, actor: Actor, programId: unknown, permission: Extract<Permission, "plans:read" | "plans:write">): Promise<ProgramRow> {
  const id = idSchema.safeParse(programId);
  const program = id.success ? await getProgramById(db, id.data) : undefined;
  if (!program) throw new NotFoundError("program", String(programId));
  authorize(actor, permission, program);
  return program;
}

export type PlanVersionView = {
  id: string;
  version: number;
  name: string;
  status: "draft" | "published" | "retired";
  definition: PlanDefinition;
  pilot: Pilot | null;
  createdAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  effectiveFrom: string | null;
};

export function planVersionView(row: PlanVersionRow): PlanVersionView {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    status: row.status,
    definition: row.definition as PlanDefinition,
    pilot: (row.pilot as Pilot | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy ?? null,
    effectiveFrom: row.effectiveFrom?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a version: enough to see what changed. */
export function auditedVersion(row: PlanVersionRow | undefined) {
  return row ? { id: row.id, version: row.version, name: row.name, status: row.status, pilot: row.pilot ?? null, definition: row.definition } : null;
}
