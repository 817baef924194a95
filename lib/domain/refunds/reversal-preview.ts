/**
 * Where a refund's reversal would take its points from, the way reverseEntry
 * does it: the purchase's own lot first (pending points before they were
 * released, else available ones), then the member's other available lots; what
 * none of them covers was already spent — the clawback. Pure, for previews.
 */
export type ReversalSource = {
  points: number;
  ownLot: { remaining: number; state: "pending" | "available" } | null;
  /** Points left in the member's other available lots. */
  otherAvailable: number;
};

export type ReversalPreview = { fromPending: number; fromAvailable: number; clawback: number };

export function previewReversal({ points, ownLot, otherAvailable }: ReversalSource): ReversalPreview {
  const wanted = Math.max(0, points);
  const fromLot = Math.min(Math.max(0, ownLot?.remaining ?? 0), wanted);
  const fromPending = ownLot?.state === "pending" ? fromLot : 0;
  const fromOthers = Math.min(Math.max(0, otherAvailable), wanted - fromLot);
  return { fromPending, fromAvailable: fromLot - fromPending + fromOthers, clawback: wanted - fromLot - fromOthers };
}
