import { demoPerson } from "../demo-people";
import { basePoints, expiryFor, tierFor } from "../plan/base-points";
import type { PlanDefinition } from "../plan/plan-definition";
import { copyRow } from "./copy-text";
import { cardNumberFor, hash32, phoneFor, pickChannel, sequentialUuid, sortedMoments, ticketAmount } from "./synthetic-data";

const DAY = 86_400_000;

/** The COPY column lists, in the order member rows below write them. */
export const GENERATED_COLUMNS = {
  members: ["program_id", "id", "external_id", "card_number", "email", "phone", "name", "city", "enrolment_channel", "enrolled_at",
    "consent_terms_at", "consent_marketing", "consent_personalization", "tier_key", "created_at", "updated_at"],
  point_accounts: ["program_id", "id", "member_id", "available", "pending", "lifetime_earned", "last_activity_at", "created_at", "updated_at"],
  member_tier_history: ["program_id", "member_id", "id", "from_tier", "to_tier", "reason", "created_at"],
  purchases: ["program_id", "id", "member_id", "order_id", "channel", "store_id", "amount_minor", "currency", "points_earned", "earn_entry_id",
    "plan_version_id", "occurred_at", "created_at"],
  ledger_entries: ["program_id", "id", "account_id", "member_id", "kind", "points", "available_delta", "pending_delta", "channel", "store_id",
    "order_ref", "purchase_id", "lot_id", "actor_type", "explanation", "occurred_at", "created_at"],
  point_lots: ["program_id", "id", "account_id", "source_entry_id", "amount", "remaining", "state", "pending_until", "expires_at", "created_at"],
} as const;

export type GeneratedTable = keyof typeof GENERATED_COLUMNS;

export type GenerationContext = {
  programId: string;
  currency: string;
  timeZone: string;
  /** 10^digits of the currency: amounts are drawn in whole units around a median ticket. */
  minorPerUnit: number;
  planVersionId: string;
  plan: PlanDefinition;
  /** The program's stores: counter (POS) purchases are made in one, mostly the member's own. */
  storeIds: string[];
  seed: number;
  now: number;
  /** Purchases fall in [windowStart, now): inside the expiry period, so nothing is overdue. */
  windowStart: number;
  /** Tier qualification counts purchases from here on. */
  qualifyingSince: number;
  firstEntryId: number;
  prefixes: Record<"member" | "account" | "tier" | "purchase" | "lot", number>;
};

export function generationContext(p: Omit<GenerationContext, "windowStart" | "qualifyingSince" | "prefixes">): GenerationContext {
  // Up to a year back, but never so far that the plan would already have expired the points.
  let windowDays = 365;
  while (windowDays > 7 && (expiryFor(p.plan, new Date(p.now - windowDays * DAY), p.timeZone)?.getTime() ?? Infinity) <= p.now + DAY) windowDays -= 7;
  const qualifyingSince = p.plan.tierQualification.window === "calendar_year" ? Date.UTC(new Date(p.now).getUTCFullYear(), 0, 1) : p.now - 365 * DAY;
  const prefix = (kind: string) => hash32(`lazo-generate:${p.seed}:${kind}`);
  return {
    ...p,
    windowStart: p.now - windowDays * DAY,
    qualifyingSince,
    prefixes: { member: prefix("member"), account: prefix("account"), tier: prefix("tier"), purchase: prefix("purchase"), lot: prefix("lot") },
  };
}

export type MemberRows = Record<GeneratedTable, string[]> & { points: number; tier: string | null };

/**
 * One member with `count` purchases (numbered from `firstPurchase`), as COPY
 * lines for every table, with the account's cached balances summed from the
 * same lots the entries create — the ledger invariants hold by construction.
 */
export function synthesizeMember(ctx: GenerationContext, index: number, count: number, firstPurchase: number, random: () => number, out: MemberRows): void {
  const memberId = sequentialUuid(ctx.prefixes.member, index);
  const accountId = sequentialUuid(ctx.prefixes.account, index);
  const moments = sortedMoments(count, ctx.windowStart, ctx.now - 60_000, random);
  const totals = { available: 0, pending: 0, earned: 0, qualifying: 0 };
  for (let j = 0; j < count; j++) {
    writePurchase(ctx, { memberId, accountId, homeStore: index % Math.max(ctx.storeIds.length, 1), n: firstPurchase + j, at: moments[j]!, random }, out, totals);
  }
  const person = demoPerson(`${ctx.seed}-${index}`);
  const enrolledAt = iso((count ? moments[0]! : ctx.windowStart + random() * (ctx.now - ctx.windowStart)) - Math.floor(random() * 30 * DAY));
  const tier = ctx.plan.tierQualification.metric === "points" || ctx.plan.tierQualification.metric === "spend" ? (tierFor(ctx.plan.tiers, totals.qualifying)?.key ?? null) : null;
  const now = iso(ctx.now);
  out.members.push(copyRow([ctx.programId, memberId, `gen-${ctx.seed}-${index}`, cardNumberFor(index, ctx.prefixes.member), person.email,
    phoneFor(index, ctx.prefixes.account), person.name, person.city, "import", enrolledAt, enrolledAt, person.consentMarketing,
    person.consentPersonalization, tier, enrolledAt, now]));
  out.point_accounts.push(copyRow([ctx.programId, accountId, memberId, totals.available, totals.pending, totals.earned,
    count ? iso(moments[count - 1]!) : null, enrolledAt, now]));
  if (tier) out.member_tier_history.push(copyRow([ctx.programId, memberId, sequentialUuid(ctx.prefixes.tier, index), null, tier, "import", now]));
  out.points += totals.earned;
  out.tier = tier;
}

function writePurchase(
  ctx: GenerationContext,
  p: { memberId: string; accountId: string; homeStore: number; n: number; at: number; random: () => number },
  out: MemberRows,
  totals: { available: number; pending: number; earned: number; qualifying: number },
): void {
  const amount = ticketAmount(p.random, 350 * ctx.minorPerUnit, 10 * ctx.minorPerUnit, 1);
  const points = basePoints(amount, ctx.plan.baseRate);
  const purchaseId = sequentialUuid(ctx.prefixes.purchase, p.n);
  const orderId = `gen-${ctx.seed}-${p.n}`;
  const channel = pickChannel(p.random);
  const storeId = channel === "pos" ? pickStore(ctx.storeIds, p.homeStore, p.random) : null;
  const at = iso(p.at);
  const entryId = points > 0 ? ctx.firstEntryId + p.n : null;
  out.purchases.push(copyRow([ctx.programId, purchaseId, p.memberId, orderId, channel, storeId, amount, ctx.currency, points, entryId, ctx.planVersionId, at, at]));
  if (!entryId) return;
  const pendingUntil = ctx.plan.pendingDays > 0 && p.at + ctx.plan.pendingDays * DAY > ctx.now ? p.at + ctx.plan.pendingDays * DAY : null;
  const lotId = sequentialUuid(ctx.prefixes.lot, p.n);
  const explanation = `{"source":"generate","planVersionId":"${ctx.planVersionId}","rules":[{"id":"base","points":${points}}]}`;
  out.ledger_entries.push(copyRow([ctx.programId, entryId, p.accountId, p.memberId, "earn", points, pendingUntil ? 0 : points, pendingUntil ? points : 0,
    channel, storeId, orderId, purchaseId, lotId, "system", explanation, at, at]));
  const expiresAt = expiryFor(ctx.plan, new Date(p.at), ctx.timeZone);
  out.point_lots.push(copyRow([ctx.programId, lotId, p.accountId, entryId, points, points, pendingUntil ? "pending" : "available",
    pendingUntil ? iso(pendingUntil) : null, expiresAt ? expiresAt.toISOString() : null, at]));
  if (pendingUntil) totals.pending += points;
  else totals.available += points;
  totals.earned += points;
  if (p.at >= ctx.qualifyingSince) totals.qualifying += ctx.plan.tierQualification.metric === "spend" ? amount : points;
}

/** A counter purchase's store: the member's own store five times in six, another one otherwise (none without stores). */
function pickStore(storeIds: string[], home: number, random: () => number): string | null {
  if (!storeIds.length) return null;
  return random() < 5 / 6 ? storeIds[home]! : storeIds[Math.floor(random() * storeIds.length)]!;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function emptyMemberRows(): MemberRows {
  return { members: [], point_accounts: [], member_tier_history: [], purchases: [], ledger_entries: [], point_lots: [], points: 0, tier: null };
}
