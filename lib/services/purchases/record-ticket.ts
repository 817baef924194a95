import { randomUUID } from "node:crypto";
import { getProgramById } from "@/db/queries/programs";
import { findPurchaseByOrder, insertPurchase, insertPurchaseLines } from "@/db/queries/purchases";
import { listStoreIds } from "@/db/queries/stores";
import { isUniqueViolation } from "@/db/rows";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { recordTicketSchema, type RecordTicketInput } from "@/lib/validation/purchase";
import { basketLines, orderExists } from "./record-purchase";

export type RecordTicketResult = { purchaseId: string; orderId: string; amountMinor: number; occurredAt: Date; costedLines: number };

/**
 * Records the ticket of a customer who is not a member: no points, no member,
 * but its amount, store, channel and lines (with the catalog's unit costs) count
 * in the dashboard's sales, average ticket and margin of non-members, next to
 * the members' (docs/ANALYTICS.md). Same permission and order reference rules
 * as a member's purchase: the order reference is unique per program, so a
 * resend is order_exists, never a second ticket.
 */
export async function recordTicket(db: Executor, actor: Actor, input: RecordTicketInput, now = new Date()): Promise<RecordTicketResult> {
  const data = parseInput(recordTicketSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  authorize(actor, "points:earn", program, data.storeId);
  if (data.currency !== program.currency) throw new ValidationError({ currency: [`This program uses ${program.currency}.`] });
  if (data.storeId && !(await listStoreIds(db, program.id)).includes(data.storeId)) throw new NotFoundError("store", data.storeId);
  const lines = await basketLines(db, program.id, data);
  const occurredAt = data.occurredAt ?? now;
  const purchaseId = randomUUID();
  try {
    await db.transaction(async (tx) => {
      const recorded = await findPurchaseByOrder(tx, { programId: program.id, orderId: data.orderId });
      if (recorded) throw orderExists(data.orderId, recorded.id);
      await insertPurchase(tx, {
        id: purchaseId,
        programId: program.id,
        memberId: null,
        orderId: data.orderId,
        channel: data.channel,
        storeId: data.storeId,
        amountMinor: data.amountMinor,
        currency: program.currency,
        staffUserId: actor.kind === "user" ? actor.userId : null,
        occurredAt,
        createdAt: now,
      });
      await insertPurchaseLines(tx, (data.lines ?? []).map((l, i) => ({
        programId: program.id, purchaseId, lineNo: i + 1, sku: l.sku, category: lines[i]!.categoryPath.at(-1) ?? null,
        quantity: String(l.quantity), unitPriceMinor: l.unitPriceMinor, unitCostMinor: lines[i]!.unitCostMinor, pointsEarned: 0,
      })));
    });
  } catch (error) {
    // Two sends of one order at once: the unique index lets one through.
    if (!isUniqueViolation(error, "purchases_program_order_key")) throw error;
    const recorded = await findPurchaseByOrder(db, { programId: program.id, orderId: data.orderId });
    throw recorded ? orderExists(data.orderId, recorded.id) : error;
  }
  const costedLines = data.lines?.length ? lines.filter((l) => l.unitCostMinor !== null).length : 0;
  return { purchaseId, orderId: data.orderId, amountMinor: data.amountMinor, occurredAt, costedLines };
}
