/**
 * How many of a purchase's points a refund takes back: its share of what the
 * purchase earned, computed on the cumulative total refunded so far, so that
 * several partial refunds add up to exactly what one refund of the same total
 * would have reversed — never more than the purchase earned, and a full refund
 * reverses all of it. Pure integer math (BigInt where products can pass 2^53).
 */

/** floor(earned × part / whole), exact for large amounts in minor units. */
export function proportionalPoints(earned: number, part: number, whole: number): number {
  if (whole <= 0 || earned <= 0 || part <= 0) return 0;
  if (part >= whole) return earned;
  return Number((BigInt(earned) * BigInt(Math.round(part))) / BigInt(Math.round(whole)));
}

export type RefundByAmount = { earned: number; amountMinor: number; refundedMinor: number; reversedSoFar: number; refundMinor: number };

/** Points to reverse for a refund of `refundMinor` of the purchase's amount. */
export function pointsForAmountRefund(p: RefundByAmount): number {
  const before = proportionalPoints(p.earned, p.refundedMinor, p.amountMinor);
  const after = proportionalPoints(p.earned, p.refundedMinor + p.refundMinor, p.amountMinor);
  return clampToRemaining(after - before, p);
}

/** Quantities in thousandths (the purchase lines keep three decimals). */
export type LineState = { lineNo: number; sku: string | null; quantityMilli: number; refundedMilli: number; points: number; unitPriceMinor: number };
export type LineRefund = { lineNo: number; quantityMilli: number };

/**
 * Spreads each requested SKU quantity over the purchase's lines of that SKU
 * (in line order) that still have something to refund. Returns null for a SKU
 * the purchase doesn't have, or a quantity beyond what is left of it.
 */
export function allocateLineRefunds(lines: LineState[], requested: { sku: string; quantityMilli: number }[]): { ok: true; refunds: LineRefund[] } | { ok: false; index: number; reason: "unknown_sku" | "exceeds" } {
  const left = new Map(lines.map((l) => [l.lineNo, l.quantityMilli - l.refundedMilli]));
  const refunds = new Map<number, number>();
  for (const [index, r] of requested.entries()) {
    const candidates = lines.filter((l) => l.sku === r.sku);
    if (!candidates.length) return { ok: false, index, reason: "unknown_sku" };
    let rest = r.quantityMilli;
    for (const line of candidates) {
      const take = Math.min(rest, left.get(line.lineNo)!);
      if (take <= 0) continue;
      left.set(line.lineNo, left.get(line.lineNo)! - take);
      refunds.set(line.lineNo, (refunds.get(line.lineNo) ?? 0) + take);
      rest -= take;
    }
    if (rest > 0) return { ok: false, index, reason: "exceeds" };
  }
  return { ok: true, refunds: [...refunds].map(([lineNo, quantityMilli]) => ({ lineNo, quantityMilli })) };
}

/**
 * Points to reverse for refunded lines: each line's share of its own points
 * (cumulatively, like amounts), scaled to what the purchase actually earned
 * when per-line points don't add up to it (purchase-level bonuses, caps).
 */
export function pointsForLineRefund(p: { earned: number; reversedSoFar: number; lines: LineState[]; refunds: LineRefund[] }): number {
  const linePoints = p.lines.reduce((sum, l) => sum + Math.max(0, l.points), 0);
  if (linePoints === 0) return 0;
  const share = (extra: Map<number, number>) =>
    p.lines.reduce((sum, l) => sum + proportionalPoints(Math.max(0, l.points), l.refundedMilli + (extra.get(l.lineNo) ?? 0), l.quantityMilli), 0);
  const before = share(new Map());
  const after = share(new Map(p.refunds.map((r) => [r.lineNo, r.quantityMilli])));
  const scaled = proportionalPoints(p.earned, after, linePoints) - proportionalPoints(p.earned, before, linePoints);
  return clampToRemaining(scaled, p);
}

/** Money refunded by line quantities, in minor units (rounded per line). */
export function amountOfLineRefunds(lines: LineState[], refunds: LineRefund[]): number {
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  return refunds.reduce((sum, r) => sum + Math.round((byNo.get(r.lineNo)!.unitPriceMinor * r.quantityMilli) / 1000), 0);
}

function clampToRemaining(points: number, p: { earned: number; reversedSoFar: number }): number {
  return Math.max(0, Math.min(points, p.earned - p.reversedSoFar));
}
