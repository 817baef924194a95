import type { LocalizedText } from "@/lib/localized-text";

/**
 * Turns a ledger entry and its stored explanation into structured parts that the
 * console and the portal word in each language ("Double points weekend +120",
 * "pending until…"). Pure and defensive: explanations are jsonb written by several
 * writers over time (purchases, imports, expiry runs, reversals), so unknown shapes
 * are skipped rather than trusted.
 */
export type LedgerKind = "earn" | "release" | "redeem" | "adjust" | "reverse" | "expire" | "hold" | "capture" | "void";

/** The member-facing filters and the entry kinds each one shows. */
export const HISTORY_FILTERS = {
  earned: ["earn", "release"],
  redeemed: ["redeem", "hold", "capture", "void"],
  expired: ["expire"],
  adjustments: ["adjust", "reverse"],
} as const satisfies Record<string, readonly LedgerKind[]>;

export type HistoryFilter = keyof typeof HISTORY_FILTERS;

export function isHistoryFilter(value: unknown): value is HistoryFilter {
  return typeof value === "string" && Object.hasOwn(HISTORY_FILTERS, value);
}

export type HistoryEntryInput = {
  id: number;
  kind: LedgerKind;
  points: number;
  availableDelta: number;
  pendingDelta: number;
  reason: string | null;
  storeName: string | null;
  orderRef: string | null;
  occurredAt: string;
  explanation: unknown;
  reversesEntryId: number | null;
  /** The lot an earn or credit created: when it becomes available and when it expires. */
  lot: { pendingUntil: string | null; expiresAt: string | null } | null;
};

/** Rule names per plan version id, then per rule id. */
export type RuleNames = Record<string, Record<string, LocalizedText>>;

export type ExplanationPart =
  | { type: "store"; name: string }
  | { type: "order"; ref: string }
  | { type: "imported" }
  | { type: "base"; points: number }
  | { type: "tierMultiplier"; factor: number }
  | { type: "rule"; ruleId: string; name: LocalizedText | null; points: number; cappedBy: string | null }
  | { type: "pendingUntil"; at: string }
  | { type: "expires"; at: string }
  | { type: "released" }
  | { type: "reverses"; entryId: number; kind: string | null }
  | { type: "unrecovered"; points: number }
  | { type: "expiredLots"; lots: number; policy: "inactivity" | "lot_date" }
  | { type: "reason"; text: string };

export type ExplainedEntry = {
  id: number;
  kind: LedgerKind;
  category: HistoryFilter;
  /** Net change to the member's points (available + pending); 0 for moves between them. */
  change: number;
  points: number;
  occurredAt: string;
  parts: ExplanationPart[];
};

const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

export function categoryOf(kind: LedgerKind): HistoryFilter {
  for (const [filter, kinds] of Object.entries(HISTORY_FILTERS) as [HistoryFilter, readonly LedgerKind[]][]) {
    if (kinds.includes(kind)) return filter;
  }
  return "adjustments";
}

/** The rules of a purchase explanation that gave points or were trimmed by a cap, in evaluation order. */
function ruleParts(explanation: Record<string, unknown>, names: RuleNames): ExplanationPart[] {
  const rules = Array.isArray(explanation.rules) ? explanation.rules : [];
  const byRule = names[str(explanation.planVersionId) ?? ""] ?? {};
  return rules.flatMap((raw): ExplanationPart[] => {
    const rule = record(raw);
    const ruleId = str(rule?.ruleId);
    if (!rule || !ruleId) return [];
    const miss = record(rule.miss);
    const cappedBy = str(rule.cappedBy) ?? (miss?.code === "capped" ? str(miss.cap) : null);
    if (rule.fired !== true && !cappedBy) return [];
    return [{ type: "rule", ruleId, name: byRule[ruleId] ?? null, points: num(rule.points) ?? 0, cappedBy }];
  });
}

function purchaseParts(explanation: Record<string, unknown> | null, names: RuleNames): ExplanationPart[] {
  if (!explanation) return [];
  if (explanation.source === "import") return [{ type: "imported" }];
  const parts: ExplanationPart[] = [];
  const base = num(explanation.basePoints);
  if (base !== null) parts.push({ type: "base", points: base });
  const multiplier = num(explanation.tierMultiplier);
  if (multiplier !== null && multiplier !== 1) parts.push({ type: "tierMultiplier", factor: multiplier });
  return [...parts, ...ruleParts(explanation, names)];
}

function kindParts(entry: HistoryEntryInput, explanation: Record<string, unknown> | null, names: RuleNames): ExplanationPart[] {
  switch (entry.kind) {
    case "earn": {
      const parts = purchaseParts(explanation, names);
      if (entry.lot?.pendingUntil && entry.pendingDelta > 0) parts.push({ type: "pendingUntil", at: entry.lot.pendingUntil });
      return parts;
    }
    case "release":
      return [{ type: "released" }];
    case "expire": {
      const lots = Array.isArray(explanation?.lots) ? explanation.lots.length : 0;
      return [{ type: "expiredLots", lots, policy: explanation?.policy === "inactivity" ? "inactivity" : "lot_date" }];
    }
    case "reverse": {
      const reverses = record(explanation?.reverses);
      const parts: ExplanationPart[] = [];
      const entryId = num(reverses?.entryId) ?? entry.reversesEntryId;
      if (entryId !== null) parts.push({ type: "reverses", entryId, kind: str(reverses?.kind) });
      const unrecovered = num(explanation?.unrecovered);
      if (unrecovered) parts.push({ type: "unrecovered", points: unrecovered });
      return parts;
    }
    default:
      return [];
  }
}

/** One entry in words-to-be: what happened, where, why, and until when. */
export function explainEntry(entry: HistoryEntryInput, names: RuleNames = {}): ExplainedEntry {
  const explanation = record(entry.explanation);
  const parts: ExplanationPart[] = [];
  if (entry.storeName) parts.push({ type: "store", name: entry.storeName });
  if (entry.orderRef) parts.push({ type: "order", ref: entry.orderRef });
  parts.push(...kindParts(entry, explanation, names));
  if (entry.lot?.expiresAt && (entry.kind === "earn" || entry.kind === "adjust")) parts.push({ type: "expires", at: entry.lot.expiresAt });
  if (entry.reason) parts.push({ type: "reason", text: entry.reason });
  return {
    id: entry.id,
    kind: entry.kind,
    category: categoryOf(entry.kind),
    change: entry.availableDelta + entry.pendingDelta,
    points: entry.points,
    occurredAt: entry.occurredAt,
    parts,
  };
}

/** Plan version ids an explanation names, so the caller can load only those versions' rule names. */
export function planVersionIdOf(explanation: unknown): string | null {
  return str(record(explanation)?.planVersionId);
}
