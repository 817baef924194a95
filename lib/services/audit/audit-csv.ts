import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { csvLine } from "@/lib/domain/audit/csv";
import type { AuditFilterInput } from "@/lib/validation/audit";
import { AUDIT_CSV_COLUMNS, exportAuditLog } from "./list-audit-log";

/**
 * The audit log as a CSV byte stream (UTF-8 with BOM so spreadsheets read
 * accents right). Authorization happens before the stream is returned; rows
 * are read page by page as the client pulls them.
 */
export async function auditCsvStream(db: Executor, actor: Actor, input: AuditFilterInput, now = new Date()): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const entries = await exportAuditLog(db, actor, input);
  const encoder = new TextEncoder();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(AUDIT_CSV_COLUMNS)}`));
        return;
      }
      const next = await entries.next();
      if (next.done) return controller.close();
      const e = next.value;
      controller.enqueue(encoder.encode(csvLine([e.id, e.createdAt, e.actorType, e.actorLabel, e.action, e.targetType, e.targetId, e.before, e.after])));
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
  return { stream, filename: `audit-log-${now.toISOString().slice(0, 10)}.csv` };
}
