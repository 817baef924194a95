import { insertAuditEntry } from "@/db/queries/audit";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";

export type AuditEvent = {
  program: { id: string; organizationId: string };
  action: string;
  targetType: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
};

/** Appends to the audit log inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(tx: Executor, actor: Actor, event: AuditEvent): Promise<void> {
  const { actorType, actorId } = actorRef(actor);
  await insertAuditEntry(tx, {
    organizationId: event.program.organizationId,
    programId: event.program.id,
    actorType,
    actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: event.ip,
  });
}
