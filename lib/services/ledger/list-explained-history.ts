import { listMemberLedger, listPlanVersionRules, type LedgerHistoryRow } from "@/db/queries/member-directory";
import type { Executor } from "@/db/types";
import { explainEntry, HISTORY_FILTERS, planVersionIdOf, type ExplainedEntry, type HistoryFilter, type RuleNames } from "@/lib/domain/ledger/explain-entry";
import type { LocalizedText } from "@/lib/localized-text";

export type ExplainedHistoryPage = { entries: ExplainedEntry[]; nextCursor: number | null };

/**
 * One page of a member's ledger, newest first, each entry explained (rule names
 * resolved from the plan version the purchase was evaluated against). No
 * authorization here: the console and portal services in front of it check.
 */
export async function listExplainedHistory(
  db: Executor,
  p: { programId: string; memberId: string; filter?: HistoryFilter; before?: number; limit: number },
): Promise<ExplainedHistoryPage> {
  const rows = await listMemberLedger(db, { programId: p.programId, memberId: p.memberId, kinds: p.filter ? HISTORY_FILTERS[p.filter] : undefined, before: p.before, limit: p.limit + 1 });
  const page = rows.slice(0, p.limit);
  const names = await ruleNamesFor(db, p.programId, page);
  return { entries: page.map((row) => explainEntry(toInput(row), names)), nextCursor: rows.length > p.limit ? page.at(-1)!.id : null };
}

function toInput(row: LedgerHistoryRow) {
  return {
    id: row.id,
    kind: row.kind,
    points: row.points,
    availableDelta: row.availableDelta,
    pendingDelta: row.pendingDelta,
    reason: row.reason,
    storeName: row.storeName,
    orderRef: row.orderRef,
    occurredAt: new Date(row.occurredAt).toISOString(),
    explanation: row.explanation,
    reversesEntryId: row.reversesEntryId,
    lot: row.lotPendingUntil || row.lotExpiresAt ? { pendingUntil: iso(row.lotPendingUntil), expiresAt: iso(row.lotExpiresAt) } : null,
  };
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

async function ruleNamesFor(db: Executor, programId: string, rows: LedgerHistoryRow[]): Promise<RuleNames> {
  const versionIds = [...new Set(rows.flatMap((r) => planVersionIdOf(r.explanation) ?? []))];
  const versions = await listPlanVersionRules(db, { programId, versionIds });
  const names: RuleNames = {};
  for (const version of versions) {
    const rules = Array.isArray(version.rules) ? (version.rules as { id?: unknown; name?: unknown }[]) : [];
    names[version.id] = Object.fromEntries(
      rules.flatMap((rule) => (typeof rule?.id === "string" && isLocalized(rule.name) ? [[rule.id, rule.name]] : [])),
    );
  }
  return names;
}

function isLocalized(value: unknown): value is LocalizedText {
  return Boolean(value) && typeof (value as LocalizedText).es === "string" && typeof (value as LocalizedText).en === "string";
}
