import { listAuditEntries, type AuditRow } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { findUserByEmail, listUserEmails } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import type { Permission } from "@/lib/auth/permissions";
import { zonedDayEnd, zonedDayStart } from "@/lib/domain/audit/zoned-day";
import { parseInput } from "@/lib/validation/common";
import { auditFilterSchema, auditPageSchema, type AuditFilterInput, type AuditPageInput } from "@/lib/validation/audit";

export type AuditEntry = {
  id: number;
  createdAt: string;
  actorType: string;
  actorId: string | null;
  /** The person's email for users; otherwise the raw actor id (key id, system label). */
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

type QueryFilters = { programId: string; action?: string; actorId?: string; from?: Date; to?: Date };

/** Loads the program, checks every permission, and turns people's filters into query filters. */
async function prepare(db: Executor, actor: Actor, input: AuditFilterInput, permissions: Permission[]): Promise<{ program: ProgramRow; filters: QueryFilters | null }> {
  const [first, ...others] = permissions;
  const program = await authorizeProgram(db, actor, first!, input.programId);
  for (const permission of others) authorize(actor, permission, program);
  const data = parseInput(auditFilterSchema, input);
  let actorId = data.actor;
  if (actorId?.includes("@")) {
    const user = await findUserByEmail(db, actorId);
    if (!user) return { program, filters: null };
    actorId = user.id;
  }
  return {
    program,
    filters: {
      programId: program.id,
      // LIKE treats _ and % as wildcards: escape them so "api_key" means exactly that.
      action: data.action?.replace(/[\\%_]/g, (c) => `\\${c}`),
      actorId,
      from: data.from ? zonedDayStart(data.from, program.timeZone) : undefined,
      to: data.to ? new Date(zonedDayEnd(data.to, program.timeZone).getTime() - 1) : undefined,
    },
  };
}

async function label(db: Executor, rows: AuditRow[]): Promise<AuditEntry[]> {
  const emails = await listUserEmails(db, [...new Set(rows.filter((r) => r.actorType === "user" && r.actorId).map((r) => r.actorId!))]);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    actorType: r.actorType,
    actorId: r.actorId,
    actorLabel: (r.actorType === "user" && r.actorId ? emails.get(r.actorId) : undefined) ?? r.actorId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    before: r.before,
    after: r.after,
  }));
}

/** One page of the program's audit log, newest first, with the cursor of the next page. */
export async function listAuditLog(db: Executor, actor: Actor, input: AuditPageInput): Promise<{ entries: AuditEntry[]; nextCursor: number | null }> {
  await authorizeProgram(db, actor, "audit:read", input.programId);
  const { before, limit, ...filterInput } = parseInput(auditPageSchema, input);
  const { filters } = await prepare(db, actor, filterInput, ["audit:read"]);
  if (!filters) return { entries: [], nextCursor: null };
  const rows = await listAuditEntries(db, { ...filters, before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { entries: await label(db, page), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

export const AUDIT_CSV_COLUMNS = ["id", "created_at", "actor_type", "actor", "action", "target_type", "target_id", "before", "after"] as const;

/**
 * Every matching entry for a CSV export. Authorizes before returning, so the
 * caller can still answer 403/404; then reads in pages of `batch` while the
 * consumer pulls, so a long log never sits in memory at once.
 */
export async function exportAuditLog(db: Executor, actor: Actor, input: AuditFilterInput, batch = 500): Promise<AsyncGenerator<AuditEntry>> {
  const { filters } = await prepare(db, actor, input, ["audit:read", "exports:read"]);
  return (async function* () {
    if (!filters) return;
    let before: number | undefined;
    for (;;) {
      const rows = await listAuditEntries(db, { ...filters, before, limit: batch });
      yield* await label(db, rows);
      if (rows.length < batch) return;
      before = rows[rows.length - 1]!.id;
    }
  })();
}
