import { randomUUID } from "node:crypto";
import { getMember } from "@/db/queries/members";
import { getFirstPublishedPlanVersion, getLivePlanVersion, listMemberSegmentIds } from "@/db/queries/plans";
import { getProgramById } from "@/db/queries/programs";
import {
  countMemberPurchases,
  findPurchaseByOrder,
  insertPurchase,
  insertPurchaseLines,
  linkPurchaseEarn,
  loadCategoryPaths,
} from "@/db/queries/purchases";
import { catalogEntriesBySku } from "@/db/queries/catalog";
import { addRuleUsage, getMemberRuleUsage, lockBudgetUsage } from "@/db/queries/rule-usage";
import { listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import { actorRef, authorize, type Actor } from "@/lib/auth/actor";
import type { Balance } from "@/lib/domain/ledger/balance";
import { expiryFor, tierFor } from "@/lib/domain/plan/base-points";
import { toEnginePlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { evaluatePurchase } from "@/lib/domain/rules/evaluate";
import { localTime } from "@/lib/domain/rules/local-time";
import { pendingWindows } from "@/lib/domain/rules/pending-windows";
import type { BasketLine, Evaluation } from "@/lib/domain/rules/types";
import { ConflictError, isLazoError, NotFoundError, ValidationError } from "@/lib/errors";
import { isUniqueViolation } from "@/db/rows";
import { parseInput } from "@/lib/validation/common";
import { recordPurchaseSchema, type RecordPurchaseInput } from "@/lib/validation/purchase";
import { balanceOf, runLedgerOperation, type Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { creditEarnedLot } from "@/lib/services/ledger/earn-points";
import { changeMemberTier } from "@/lib/services/tiers/change-member-tier";
import { qualifyingTotal } from "@/lib/services/tiers/qualifying-total";
import { applyCampaignBonus } from "@/lib/services/campaigns/campaign-bonus";
import type { BonusOutcome } from "@/lib/domain/campaigns/bonus";
import { noteQualifyingPurchase } from "@/lib/services/referrals/qualify-referral";
import { advanceChallenges, PURCHASE_KINDS } from "@/lib/services/gamification/advance-challenges";
import type { Membership } from "@/db/queries/business-accounts";
import { locateMemberPoints } from "@/lib/services/business-accounts/pool";
import { creditAccountPurchase } from "@/lib/services/business-accounts/account-purchase";

/** `points` includes a bonus campaign's extra points, explained in `campaignBonus` (lines and rules stay the plan's). */
export type PurchaseExplanation = Evaluation & { planVersionId: string; planVersion: number; campaignBonus?: NonNullable<BonusOutcome> };

export type RecordPurchaseResult = {
  purchaseId: string;
  orderId: string;
  pointsEarned: number;
  pointsPending: number;
  entryId: number | null;
  balance: Balance;
  tierChange: { from: string | null; to: string } | null;
  /** The business account whose pool earned (the member buys for it), or null: the member's own account. */
  account: { id: string; name: string } | null;
  explanation: PurchaseExplanation;
};

/**
 * Records a purchase and credits the points the plan live at its time gives,
 * in one transaction: the order reference is the idempotency key, so a retry
 * or a double click returns the first result and credits nothing twice.
 * Upgrades the member's tier at once when the purchase qualifies them.
 * A member who buys for a business account earns into the account's pool,
 * at the account's tier, and the purchase counts toward the account's tier.
 */
export async function recordPurchase(db: Executor, actor: Actor, input: RecordPurchaseInput, now = new Date()): Promise<Replayable<RecordPurchaseResult>> {
  const data = parseInput(recordPurchaseSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  authorize(actor, "points:earn", program, data.storeId);
  if (data.currency !== program.currency) throw new ValidationError({ currency: [`This program uses ${program.currency}.`] });
  if (data.storeId && !(await listStoreIds(db, program.id)).includes(data.storeId)) throw new NotFoundError("store", data.storeId);
  const occurredAt = data.occurredAt ?? now;
  // A pilot version applies to the purchases it covers (store, member's segments); everyone else gets the general one.
  const audience = { storeId: data.storeId, segmentIds: await listMemberSegmentIds(db, { programId: program.id, memberId: data.memberId }) };
  const version = (await getLivePlanVersion(db, { programId: program.id, at: occurredAt, audience })) ?? (await getFirstPublishedPlanVersion(db, program.id));
  if (!version) throw new NotFoundError("published plan", program.slug);
  const lines = await basketLines(db, program.id, data);
  const { idempotencyKey: _ignored, ...request } = data;
  let pool: Membership | null = null;

  return runLedgerOperation(
    db,
    { operation: "purchase", programId: program.id, locate: async (tx) => {
      const located = await locateMemberPoints(tx, { programId: program.id, memberId: data.memberId });
      pool = located.membership;
      return located.locator;
    }, idempotencyKey: `order:${data.orderId}`, request, now },
    async (ctx) => {
      const { tx } = ctx;
      // The order's idempotency record lasts 8 days, its reference for ever: a late resend is a conflict, not a second purchase.
      const recorded = await findPurchaseByOrder(tx, { programId: program.id, orderId: data.orderId });
      if (recorded) throw orderExists(data.orderId, recorded.id);
      const member = (await getMember(tx, { programId: program.id, memberId: data.memberId }))!;
      const plan = version.definition as PlanDefinition;
      const engine = toEnginePlan(plan);
      const local = localTime(occurredAt, program.timeZone);
      const budgeted = engine.rules.filter((r) => r.active && r.caps?.budget !== undefined).map((r) => r.id);
      const evaluation = evaluatePurchase(engine, {
        lines,
        channel: data.channel,
        storeId: data.storeId,
        occurredAt,
        timeZone: program.timeZone,
        member: { tier: pool ? pool.account.tierKey : member.tierKey, segmentIds: audience.segmentIds, isFirstPurchase: (await countMemberPurchases(tx, { programId: program.id, memberId: member.id })) === 0 },
        usage: { ...(await getMemberRuleUsage(tx, { programId: program.id, memberId: member.id, day: local.date, month: local.month })), budget: await lockBudgetUsage(tx, { programId: program.id, ruleIds: budgeted }) },
      });
      const bonus = await applyCampaignBonus(tx, { program, memberId: member.id, orderId: data.orderId, basePoints: evaluation.points, at: occurredAt, now });
      const points = evaluation.points + (bonus?.extraPoints ?? 0);
      const explanation: PurchaseExplanation = { ...evaluation, points, planVersionId: version.id, planVersion: version.version, ...(bonus ? { campaignBonus: bonus } : {}) };
      const purchaseId = randomUUID();
      await insertPurchase(tx, {
        id: purchaseId,
        programId: program.id,
        memberId: member.id,
        orderId: data.orderId,
        channel: data.channel,
        storeId: data.storeId,
        amountMinor: data.amountMinor,
        currency: program.currency,
        planVersionId: version.id,
        staffUserId: actor.kind === "user" ? actor.userId : null,
        occurredAt,
        createdAt: now,
      });
      await insertPurchaseLines(tx, (data.lines ?? []).map((l, i) => ({ programId: program.id, purchaseId, lineNo: i + 1, sku: l.sku, category: lines[i]!.categoryPath.at(-1) ?? null, quantity: String(l.quantity), unitPriceMinor: l.unitPriceMinor, unitCostMinor: lines[i]!.unitCostMinor, pointsEarned: evaluation.lines[i]!.points })));
      let balance = balanceOf(ctx.account);
      let entryId: number | null = null;
      let pending = 0;
      if (points > 0) {
        // One lot per return window: a rule's own pending period locks only the points it gave.
        const parts = pendingWindows(evaluation.pendingParts, { planDays: plan.pendingDays, extraPoints: bonus?.extraPoints ?? 0, occurredAt });
        const { actorType, actorId } = actorRef(actor);
        const earned = await creditEarnedLot(ctx, {
          memberId: member.id,
          points,
          channel: data.channel,
          storeId: data.storeId,
          orderRef: data.orderId,
          purchaseId,
          actorType,
          actorId,
          idempotencyKey: `order:${data.orderId}`,
          explanation,
          occurredAt,
          parts,
          expiresAt: expiryFor(plan, occurredAt, program.timeZone),
        });
        entryId = earned.entryId;
        balance = earned.balance;
        pending = earned.pendingPoints;
        await linkPurchaseEarn(tx, { programId: program.id, purchaseId, entryId, points });
        await addRuleUsage(tx, { programId: program.id, memberId: member.id, day: local.date, points: Object.fromEntries(evaluation.rules.filter((r) => r.fired).map((r) => [r.ruleId, r.points])) });
      }
      await noteQualifyingPurchase(tx, { program, memberId: member.id, purchaseId, amountMinor: data.amountMinor, at: now });
      // Challenges move in the purchase's transaction; a completion's points land in the balance this answer reports.
      const completions = await advanceChallenges(tx, { program, memberId: member.id, kinds: PURCHASE_KINDS, now });
      balance = completions.findLast((c) => c.balance)?.balance ?? balance;
      const tierChange = pool
        ? await creditAccountPurchase(tx, { program, membership: pool, purchaseId, occurredAt, plan, now })
        : await upgradeTier(tx, { programId: program.id, timeZone: program.timeZone, member, plan, now });
      const account = pool ? { id: pool.account.id, name: pool.account.name } : null;
      return { purchaseId, orderId: data.orderId, pointsEarned: points, pointsPending: pending, entryId, balance, tierChange, account, explanation };
    },
  ).catch(async (error: unknown) => {
    throw await asOrderConflict(db, { programId: program.id, orderId: data.orderId }, error);
  });
}

/** The order reference was recorded already (a purchase or a ticket): 409 naming the purchase. */
export function orderExists(orderId: string, purchaseId: string): ConflictError {
  return new ConflictError("order_exists", `The order "${orderId}" was already recorded (purchase ${purchaseId}).`, { orderId, purchaseId });
}

/**
 * The same order reference with another body (its idempotency record says so),
 * or one that slipped past the check in a race (the unique index says so),
 * is order_exists with the purchase already recorded; any other error stays itself.
 */
async function asOrderConflict(db: Executor, p: { programId: string; orderId: string }, error: unknown): Promise<unknown> {
  const reused = (isLazoError(error) && error.code === "idempotency_conflict") || isUniqueViolation(error, "purchases_program_order_key");
  if (!reused) return error;
  const recorded = await findPurchaseByOrder(db, p);
  return recorded ? orderExists(p.orderId, recorded.id) : error;
}

/**
 * Lines for the engine: the ones sent (SKU-only lines classified from the catalog), or one line for the whole amount.
 * Each carries the catalog's unit cost of its SKU, snapshotted on the purchase line for margins.
 */
export async function basketLines(db: Executor, programId: string, data: { amountMinor: number; lines?: { sku?: string; category?: string; quantity: number; unitPriceMinor: number }[] }): Promise<(BasketLine & { unitCostMinor: number | null })[]> {
  if (!data.lines?.length) return [{ categoryPath: [], quantity: 1, unitPriceMinor: data.amountMinor, unitCostMinor: null }];
  const paths = await loadCategoryPaths(db, programId);
  const bySku = await catalogEntriesBySku(db, { programId, skus: data.lines.flatMap((l) => (l.sku ? [l.sku] : [])) });
  return data.lines.map((l) => {
    const entry = l.sku ? bySku.get(l.sku) : undefined;
    const category = l.category ?? entry?.category ?? undefined;
    return { sku: l.sku, categoryPath: category ? (paths.get(category) ?? [category]) : [], quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, unitCostMinor: entry?.unitCostMinor ?? null };
  });
}

/** Tiers go up the moment a purchase qualifies them, by points or by spend (down only at the review date, in the tier job). */
async function upgradeTier(
  tx: Executor,
  p: { programId: string; timeZone: string; member: { id: string; tierKey: string | null }; plan: PlanDefinition; now: Date },
): Promise<{ from: string | null; to: string } | null> {
  if (!p.plan.tiers.length) return null;
  const total = await qualifyingTotal(tx, { programId: p.programId, memberId: p.member.id, qualification: p.plan.tierQualification, timeZone: p.timeZone, now: p.now });
  const reached = tierFor(p.plan.tiers, total);
  const rank = (key: string | null) => p.plan.tiers.findIndex((t) => t.key === key);
  if (!reached || rank(reached.key) <= rank(p.member.tierKey)) return null;
  await changeMemberTier(tx, { programId: p.programId, memberId: p.member.id, from: p.member.tierKey, to: reached.key, reason: "qualified", now: p.now });
  return { from: p.member.tierKey, to: reached.key };
}
