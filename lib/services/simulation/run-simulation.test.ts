import { describe, expect, it } from "vitest";
import { toReplayed } from "./run-simulation";

const purchase = { id: "p1", memberId: "m1", channel: "pos" as const, storeId: null, amountMinor: 30_000, refundedMinor: 10_000, occurredAt: new Date("2026-02-01T18:00:00Z"), hasEarlier: false };

describe("toReplayed", () => {
  it("replays the kept quantities of a partly refunded purchase, with category paths", () => {
    const replayed = toReplayed(purchase, [
      { purchaseId: "p1", sku: "VIN-1", category: "vinilos", quantity: 2, refundedQuantity: 1, unitPriceMinor: 10_000 },
      { purchaseId: "p1", sku: null, category: null, quantity: 1, refundedQuantity: 0, unitPriceMinor: 10_000 },
    ], new Map([["vinilos", ["musica", "vinilos"]]]), "gold", ["s1"]);
    expect(replayed.lines).toEqual([
      { sku: "VIN-1", categoryPath: ["musica", "vinilos"], quantity: 1, unitPriceMinor: 10_000 },
      { categoryPath: [], quantity: 1, unitPriceMinor: 10_000 },
    ]);
    expect(replayed).toMatchObject({ netAmountMinor: 20_000, startTier: "gold", segmentIds: ["s1"], isFirstPurchase: true });
    expect(replayed).not.toHaveProperty("storeId");
  });

  it("replays a purchase recorded without lines as one line of its amount net of refunds", () => {
    expect(toReplayed({ ...purchase, hasEarlier: true, storeId: "s" }, [], new Map(), null, []).lines).toEqual([{ categoryPath: [], quantity: 1, unitPriceMinor: 20_000 }]);
  });
});
