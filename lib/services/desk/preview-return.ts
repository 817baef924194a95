import { getAccountByMember, getEntry, listEntryLots, listSpendableLots } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { fromMinorUnits } from "@/lib/domain/money";
import { previewReversal } from "@/lib/domain/refunds/reversal-preview";
import { parseInput } from "@/lib/validation/common";
import { deskReturnSchema, type DeskReturnInput } from "@/lib/validation/desk-sales";
import { planRefund, type ClawbackPolicy } from "@/lib/services/purchases/refund-purchase";
import { authorizeDesk } from "./desk-access";
import { loadReturnablePurchase } from "./find-purchase-for-return";

export type ReturnPreview = {
  orderId: string;
  currency: string;
  refundMinor: number;
  /** Points of the purchase this return takes back. */
  pointsReversed: number;
  /** Of them: pending points of the purchase, available points, and what the member already spent. */
  fromPending: number;
  fromAvailable: number;
  clawback: { points: number; policy: ClawbackPolicy };
  /** Under the strict policy a clawback refuses the return: confirming would fail. */
  blocked: boolean;
  balance: { available: number; pending: number } | null;
  balanceAfter: { available: number; pending: number } | null;
};

/**
 * What a return would do, before the cashier confirms: the money and points
 * it takes back (the same plan refundPurchase computes) and where the points
 * come from, including the clawback the program's policy forfeits. Writes nothing.
 */
export async function previewReturn(db: Executor, actor: Actor, input: DeskReturnInput): Promise<ReturnPreview> {
  const { program } = await authorizeDesk(db, actor, "points:refund", input);
  const data = parseInput(deskReturnSchema, input);
  const purchase = await loadReturnablePurchase(db, actor, program, data.orderId);
  const amount = data.amountMinor === undefined ? undefined : fromMinorUnits(data.amountMinor, purchase.currency);
  const plan = await planRefund(db, program, purchase, { amount, lines: data.lines });
  const policy: ClawbackPolicy = program.settings.clawbackPolicy ?? "negative_forbidden_forfeit";
  const account = purchase.memberId ? await getAccountByMember(db, { programId: program.id, memberId: purchase.memberId }) : undefined;
  const earn = purchase.earnEntryId ? await getEntry(db, { programId: program.id, entryId: purchase.earnEntryId }) : undefined;
  const points = earn ? plan.points : 0;
  const own = earn ? await listEntryLots(db, { programId: program.id, accountId: earn.accountId, entryId: earn.id }) : [];
  const ownIds = new Set(own.map((l) => l.id));
  const others = account ? (await listSpendableLots(db, { programId: program.id, accountId: account.id })).filter((l) => !ownIds.has(l.id)) : [];
  const move = previewReversal({
    points,
    ownLots: own.map((l) => ({ remaining: l.remaining, state: l.state })),
    otherAvailable: others.reduce((sum, l) => sum + l.remaining, 0),
  });
  const balance = account ? { available: account.available, pending: account.pending } : null;
  return {
    orderId: purchase.orderId,
    currency: purchase.currency,
    refundMinor: plan.refundMinor,
    pointsReversed: points,
    fromPending: move.fromPending,
    fromAvailable: move.fromAvailable,
    clawback: { points: move.clawback, policy },
    blocked: policy === "strict" && move.clawback > 0,
    balance,
    balanceAfter: balance ? { available: balance.available - move.fromAvailable, pending: balance.pending - move.fromPending } : null,
  };
}
