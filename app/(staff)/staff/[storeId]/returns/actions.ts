"use server";

import { currencyDigits } from "@/lib/domain/money";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { findPurchaseForReturn, type ReturnablePurchase } from "@/lib/services/desk/find-purchase-for-return";
import { previewReturn, type ReturnPreview } from "@/lib/services/desk/preview-return";
import { recordDeskReturn } from "@/lib/services/desk/record-desk-return";
import type { DeskActionResult } from "../_lib/desk-action-result";
import { deskProgramId } from "../_lib/desk-call";
import { deskFailure } from "../_lib/desk-sales-errors";

/** What the cashier chose to return: the rest (neither), an amount in minor units, or SKU quantities. */
export type ReturnDraft = { orderId: string; amountMinor?: number; lines?: { sku: string; quantity: number }[]; reason?: string };

export type ReturnReceiptView = {
  orderId: string;
  store: string;
  createdAt: string;
  currency: string;
  refundedMinor: number;
  pointsReversed: number;
  clawbackPoints: number;
  balance: { available: number; pending: number } | null;
  status: string;
  replayed: boolean;
};

/** The purchase behind an order reference, if this user may process its return here (points:refund at the store). */
export async function findReturnAction(storeId: string, orderId: string): Promise<DeskActionResult<ReturnablePurchase>> {
  const actor = await requireUser("/staff");
  try {
    const programId = await deskProgramId(actor);
    return { ok: true, data: await findPurchaseForReturn(await getAppDb(), actor, { programId, storeId, orderId }) };
  } catch (error) {
    return deskFailure(error);
  }
}

/** The points a return would reverse and any clawback, before confirming (writes nothing). */
export async function previewReturnAction(storeId: string, draft: ReturnDraft): Promise<DeskActionResult<ReturnPreview>> {
  const actor = await requireUser("/staff");
  try {
    const programId = await deskProgramId(actor);
    return { ok: true, data: await previewReturn(await getAppDb(), actor, { ...draft, programId, storeId }) };
  } catch (error) {
    return deskFailure(error, { refund: true });
  }
}

/** Records the return; the key the form made for this confirmation makes a double submit count once. */
export async function recordReturnAction(storeId: string, draft: ReturnDraft, idempotencyKey: string): Promise<DeskActionResult<ReturnReceiptView>> {
  const actor = await requireUser("/staff");
  try {
    const programId = await deskProgramId(actor);
    const r = await recordDeskReturn(await getAppDb(), actor, { ...draft, programId, storeId, idempotencyKey });
    return {
      ok: true,
      data: {
        orderId: r.orderId,
        store: r.store.name,
        createdAt: r.createdAt,
        currency: r.currency,
        refundedMinor: Math.round(r.refundedAmount * 10 ** currencyDigits(r.currency)),
        pointsReversed: r.pointsReversed,
        clawbackPoints: r.clawback.points,
        balance: r.balance,
        status: r.purchase.status,
        replayed: r.replayed,
      },
    };
  } catch (error) {
    return deskFailure(error, { refund: true });
  }
}

