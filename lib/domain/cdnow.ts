/**
 * The CDNOW purchase history (Fader & Hardie's research data): whitespace-
 * separated lines, `customer date cds dollars` in the master file and
 * `master_customer sample_customer date cds dollars` in the 1/10 sample.
 */
export type CdnowLine = { customerId: string; date: string; cds: number; amountMinor: number };

/** One purchase occasion: every line of one customer on one day, added up (the papers' convention). */
export type CdnowOccasion = { customerId: string; date: string; cds: number; amountMinor: number; lines: number };

export function parseCdnowLine(raw: string): CdnowLine | null {
  const fields = raw.trim().split(/\s+/);
  if (fields.length < 4 || !/^\d+$/.test(fields[0]!)) return null; // blank or header
  const [customerId, date, cds, dollars] = fields.length >= 5 ? [fields[0], fields[2], fields[3], fields[4]] : fields;
  if (!/^\d{8}$/.test(date!)) throw new Error(`Bad CDNOW date "${date}" in: ${raw.trim()}`);
  const amount = Number(dollars);
  if (!Number.isFinite(amount) || amount < 0) throw new Error(`Bad CDNOW amount "${dollars}" in: ${raw.trim()}`);
  return {
    customerId: customerId!,
    date: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
    cds: Number(cds),
    amountMinor: Math.round(amount * 100),
  };
}

export function groupOccasions(lines: Iterable<CdnowLine>): CdnowOccasion[] {
  const byKey = new Map<string, CdnowOccasion>();
  for (const line of lines) {
    const key = `${line.customerId}|${line.date}`;
    const occasion = byKey.get(key);
    if (occasion) {
      occasion.cds += line.cds;
      occasion.amountMinor += line.amountMinor;
      occasion.lines += 1;
    } else {
      byKey.set(key, { ...line, lines: 1 });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.customerId < b.customerId ? -1 : 1));
}

export function parseCdnow(text: string): { lines: number; occasions: CdnowOccasion[] } {
  const parsed = text.split(/\r?\n/).map(parseCdnowLine).filter((l): l is CdnowLine => l !== null);
  return { lines: parsed.length, occasions: groupOccasions(parsed) };
}

/** Whole days to add to every date so that the latest one lands on `target` (both YYYY-MM-DD). */
export function dayShift(latest: string, target: string): number {
  return Math.round((Date.parse(`${target}T00:00:00Z`) - Date.parse(`${latest}T00:00:00Z`)) / 86_400_000);
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
