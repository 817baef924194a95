export type CostedLine = { quantity: number; unitPriceMinor: number; unitCostMinor: number | null };

export type Margin = {
  revenueMinor: number;
  /** Σ unit cost × quantity over the lines whose cost is known. */
  costMinor: number;
  /** Revenue of the costed lines minus their cost: lines without a cost are left out, not counted as free. */
  marginMinor: number;
  /** marginMinor / revenue of the costed lines; null when no line has a cost or that revenue is zero. */
  marginRate: number | null;
  costedLines: number;
  uncostedLines: number;
};

/** Gross margin of a basket or purchase, in minor units (costs rounded per line to the unit). */
export function basketMargin(lines: readonly CostedLine[]): Margin {
  let revenueMinor = 0;
  let costedRevenue = 0;
  let costMinor = 0;
  let costedLines = 0;
  for (const line of lines) {
    const revenue = Math.round(line.quantity * line.unitPriceMinor);
    revenueMinor += revenue;
    if (line.unitCostMinor === null) continue;
    costedLines += 1;
    costedRevenue += revenue;
    costMinor += Math.round(line.quantity * line.unitCostMinor);
  }
  const marginMinor = costedRevenue - costMinor;
  return {
    revenueMinor,
    costMinor,
    marginMinor,
    marginRate: costedLines && costedRevenue ? marginMinor / costedRevenue : null,
    costedLines,
    uncostedLines: lines.length - costedLines,
  };
}
