/**
 * Where a refund's reversal would take its points from, the way reverseEntry
 * does it: the purchase's own lots first (pending points before they were
 * released, then available ones), then the member's other available lots; what
 * none of them covers was already spent — the clawback. Pure, for previews.
 */
export type ReversalSource = {
  points: number;
  /** The lots the purchase's earn entry created (several when rules had their own return windows). */
  ownLots: { remaining: number; state: "pending" | "available" }[];
  /** Points left in the member's other available lots. */
  otherAvailable: number;
};

export type ReversalPreview = { fromPending: number; fromAvailable: number; clawback: number };

export function previewReversal({ points, ownLots, otherAvailable }: ReversalSource): ReversalPreview {
  const wanted = Math.max(0, points);
  const ordered = [...ownLots].sort((a, b) => (a.state === b.state ? 0 : a.state === "pending" ? -1 : 1));
  let fromLots = 0;
  let fromPending = 0;
  for (const lot of ordered) {
    const take = Math.min(Math.max(0, lot.remaining), wanted - fromLots);
    fromLots += take;
    if (lot.state === "pending") fromPending += take;
  }
  const fromOthers = Math.min(Math.max(0, otherAvailable), wanted - fromLots);
  return { fromPending, fromAvailable: fromLots - fromPending + fromOthers, clawback: wanted - fromLots - fromOthers };
}
