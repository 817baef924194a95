import { randomUUID } from "node:crypto";
import { getAccountByMember } from "@/db/queries/ledger";
import { claimIdempotencyKey, storeIdempotentResponse } from "@/db/queries/idempotency";
import { addRefundedQuantity, addRefundToPurchase, insertPurchaseRefund, listPurchaseLines, lockPurchaseByOrder } from "@/db/queries/purchase-refunds";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { PurchaseRow } from "@/db/queries/purchases";
import type { Executor } from "@/db/types";
import { actorRef, authorize, type Actor } from "@/lib/auth/actor";
import { currencyDigits, fromMinorUnits } from "@/lib/domain/money";
import { allocateLineRefunds, amountOfLineRefunds, pointsForAmountRefund, pointsForLineRefund, type LineRefund, type LineState } from "@/lib/domain/refunds/refund-points";
import { IdempotencyConflictError, LazoError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { refundPurchaseSchema, type RefundPurchaseInput } from "@/lib/validation/api-refund";
import { IDEMPOTENCY_TTL_MS, requestHash, type Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { reverseEntry } from "@/lib/services/ledger/reverse-entry";
import { cancelReferralOnRefund } from "@/lib/services/referrals/qualify-referral";

export type ClawbackPolicy = "negative_forbidden_forfeit" | "strict";

export type RefundPurchaseResult = {
  refundId: string;
  orderId: string;
  refundedAmount: number;
  /** Points of the purchase this refund took back (what counts against what the purchase earned). */
  pointsReversed: number;
  /** The part of them the member had already spent: forfeited under the default policy (see docs/ARCHITECTURE.md). */
  clawback: { points: number; policy: ClawbackPolicy };
  purchase: { amount: number; refundedAmount: number; pointsEarned: number; pointsReversed: number; status: string };
  balance: { available: number; pending: number } | null;
};

/**
 * Refunds all or part of a purchase and reverses its share of the points it
 * earned — pending points of the purchase first, then available ones — in one
 * transaction, under the purchase's row lock so partial refunds queue up and
 * can never reverse more than was earned in total. Integrations refund with
 * `points:earn` (the API's scopes are fixed); people need `points:refund`.
 */
export async function refundPurchase(db: Executor, actor: Actor, input: RefundPurchaseInput, now = new Date()): Promise<Replayable<RefundPurchaseResult>> {
  const data = parseInput(refundPurchaseSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  const permission = actor.kind === "api_key" ? "points:earn" : "points:refund";
  authorize(actor, permission, program, data.storeId);
  const { idempotencyKey, ...request } = data;
  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      const hash = requestHash("refund", request);
      const stored = await claimIdempotencyKey(tx, { programId: program.id, key: `refund:${idempotencyKey}`, requestHash: hash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) });
      if (stored) {
        if (stored.requestHash !== hash) throw new IdempotencyConflictError(idempotencyKey);
        return { ...(stored.response as RefundPurchaseResult), replayed: true };
      }
    }
    const purchase = await lockPurchaseByOrder(tx, { programId: program.id, orderId: data.orderId });
    if (!purchase) throw new LazoError("purchase_not_found", `No purchase with orderId "${data.orderId}".`, 404, { orderId: data.orderId });
    if (purchase.storeId) authorize(actor, permission, program, purchase.storeId);
    const plan = await planRefund(tx, program, purchase, data);
    const result = await applyRefund(tx, actor, program, purchase, plan, { reason: data.reason, storeId: data.storeId }, now);
    if (idempotencyKey) await storeIdempotentResponse(tx, { programId: program.id, key: `refund:${idempotencyKey}`, statusCode: 201, response: result });
    return { ...result, replayed: false };
  });
}

export type RefundPlan = { refundMinor: number; points: number; lines: LineRefund[] };

/** What a refund would take back (money, lines, points), computed on the purchase's current state; writes nothing. */
export async function planRefund(tx: Executor, program: ProgramRow, purchase: PurchaseRow, data: { amount?: number; lines?: { sku: string; quantity: number }[] }): Promise<RefundPlan> {
  const left = purchase.amountMinor - purchase.refundedMinor;
  const exceeds = (detail: string) => new UnprocessableError("refund_exceeds_purchase", detail, { refundable: fromMinorUnits(left, purchase.currency) });
  const state = { earned: purchase.pointsEarned, reversedSoFar: purchase.pointsReversed };
  if (data.lines) {
    const lines: LineState[] = (await listPurchaseLines(tx, { programId: program.id, purchaseId: purchase.id })).map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      quantityMilli: Math.round(Number(l.quantity) * 1000),
      refundedMilli: Math.round(Number(l.refundedQuantity) * 1000),
      points: l.pointsEarned,
      unitPriceMinor: l.unitPriceMinor,
    }));
    const allocation = allocateLineRefunds(lines, data.lines.map((l) => ({ sku: l.sku, quantityMilli: Math.round(l.quantity * 1000) })));
    if (!allocation.ok && allocation.reason === "unknown_sku") throw new ValidationError({ [`lines.${allocation.index}.sku`]: ["This SKU is not in the purchase."] });
    if (!allocation.ok) throw exceeds(`Line ${allocation.index + 1} refunds more units than are left to refund of that SKU.`);
    const refundMinor = Math.min(left, amountOfLineRefunds(lines, allocation.refunds));
    return { refundMinor, points: pointsForLineRefund({ ...state, lines, refunds: allocation.refunds }), lines: allocation.refunds };
  }
  if (left <= 0) throw exceeds("This purchase has already been refunded in full.");
  const refundMinor = data.amount === undefined ? left : toMinor(data.amount, purchase.currency);
  if (refundMinor > left) throw exceeds(`Only ${fromMinorUnits(left, purchase.currency)} ${purchase.currency} of this purchase is left to refund.`);
  return { refundMinor, points: pointsForAmountRefund({ ...state, amountMinor: purchase.amountMinor, refundedMinor: purchase.refundedMinor, refundMinor }), lines: [] };
}

function toMinor(amount: number, currency: string): number {
  const scaled = amount * 10 ** currencyDigits(currency);
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) throw new ValidationError({ amount: [`${currency} amounts have at most ${currencyDigits(currency)} decimals.`] });
  return Math.round(scaled);
}

async function applyRefund(tx: Executor, actor: Actor, program: ProgramRow, purchase: PurchaseRow, plan: RefundPlan, source: { reason?: string; storeId?: string }, now: Date): Promise<RefundPurchaseResult> {
  const policy: ClawbackPolicy = program.settings.clawbackPolicy ?? "negative_forbidden_forfeit";
  const { actorType, actorId } = actorRef(actor);
  let clawback = 0;
  let entryId: number | null = null;
  let balance: RefundPurchaseResult["balance"] = null;
  if (plan.points > 0 && purchase.earnEntryId) {
    // Nested: a savepoint inside this transaction, so the purchase, the refund row and the reversal commit together.
    const reversal = await reverseEntry(
      tx,
      { programId: program.id, entryId: purchase.earnEntryId, points: plan.points, reason: source.reason ?? "Refund", storeId: source.storeId, orderRef: purchase.orderId, channel: actorType === "api_key" ? "api" : purchase.channel, actor: { type: actorType, id: actorId } },
      now,
    );
    clawback = reversal.unrecovered;
    entryId = reversal.entryId;
    balance = { available: reversal.balance.available, pending: reversal.balance.pending };
  } else if (purchase.memberId) {
    const account = await getAccountByMember(tx, { programId: program.id, memberId: purchase.memberId });
    balance = account ? { available: account.available, pending: account.pending } : null;
  }
  const refundedMinor = purchase.refundedMinor + plan.refundMinor;
  const pointsReversed = purchase.pointsReversed + plan.points;
  const status = refundedMinor >= purchase.amountMinor ? "refunded" : "partially_refunded";
  // A referral waiting on this purchase ends here (its reward would pay for a purchase that was returned).
  await cancelReferralOnRefund(tx, { programId: program.id, purchaseId: purchase.id, now });
  await addRefundToPurchase(tx, { programId: program.id, purchaseId: purchase.id, refundedMinor, pointsReversed, status });
  for (const line of plan.lines) await addRefundedQuantity(tx, { programId: program.id, purchaseId: purchase.id, lineNo: line.lineNo, quantity: (line.quantityMilli / 1000).toFixed(3) });
  const refundId = randomUUID();
  await insertPurchaseRefund(tx, {
    programId: program.id,
    id: refundId,
    purchaseId: purchase.id,
    amountMinor: plan.refundMinor,
    lines: plan.lines.length ? plan.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantityMilli / 1000 })) : null,
    pointsReversed: plan.points,
    clawbackPoints: clawback,
    entryId,
    actorType,
    actorId,
    reason: source.reason ?? null,
    storeId: source.storeId ?? null,
    createdAt: now,
  });
  const money = (minor: number) => fromMinorUnits(minor, purchase.currency);
  return {
    refundId,
    orderId: purchase.orderId,
    refundedAmount: money(plan.refundMinor),
    pointsReversed: plan.points,
    clawback: { points: clawback, policy },
    purchase: { amount: money(purchase.amountMinor), refundedAmount: money(refundedMinor), pointsEarned: purchase.pointsEarned, pointsReversed, status },
    balance,
  };
}
