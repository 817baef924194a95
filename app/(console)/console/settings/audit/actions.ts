"use server";

import { refusal, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { listAuditLog, type AuditEntry } from "@/lib/services/audit/list-audit-log";
import { getConsoleProgramFor } from "../../_lib/console-program";

export type AuditFilters = { action?: string; actor?: string; from?: string; to?: string };

/** "Load more": the next page of entries older than the cursor, same filters; the service re-checks audit:read. */
export async function loadMoreAuditEntries(filters: AuditFilters, before: number): Promise<ActionResult<{ entries: AuditEntry[]; nextCursor: number | null }>> {
  const actor = await requireUser("/console/settings/audit");
  const program = await getConsoleProgramFor(actor);
  try {
    return { ok: true, ...(await listAuditLog(await getAppDb(), actor, { ...filters, programId: program?.id ?? "", before })) };
  } catch (error) {
    return refusal(error);
  }
}
