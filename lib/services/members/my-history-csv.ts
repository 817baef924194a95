import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { csvLine } from "@/lib/domain/audit/csv";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";
import { listMyHistory } from "./list-member-history";

/** The most entries one export carries: years of weekly purchases, and a bound on the work one request can cause. */
export const MY_HISTORY_EXPORT_LIMIT = 10_000;

export type CsvWording = { header: string[]; row: (entry: ExplainedEntry) => unknown[] };

/**
 * The signed-in member's whole history as CSV (their own entries only: the
 * actor decides whose), newest first, read page by page. The caller supplies
 * the wording in the member's language.
 */
export async function myHistoryCsv(db: Executor, actor: Actor, wording: CsvWording): Promise<string> {
  const lines = [csvLine(wording.header)];
  let before: number | undefined;
  let count = 0;
  do {
    const page = await listMyHistory(db, actor, { before, limit: 100 });
    for (const entry of page.entries) lines.push(csvLine(wording.row(entry)));
    count += page.entries.length;
    before = page.nextCursor ?? undefined;
  } while (before && count < MY_HISTORY_EXPORT_LIMIT);
  // A byte-order mark so spreadsheets open accents (é, ñ) as UTF-8.
  return `\uFEFF${lines.join("")}`;
}
