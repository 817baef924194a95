import { categoryCodeOf } from "./catalog/category-code";

/**
 * The demo record store's catalog. CDNOW only says how many CDs a customer
 * bought and for how much, so each purchase becomes lines of the product whose
 * price band holds its average unit price (`below`: exclusive upper bound, US
 * cents). Unit costs give a 30–45 % gross margin, a record shop's usual; the
 * imports have none (a distributor consigns them and bills later), so the demo
 * shows a margin that speaks for part of the sales, as real catalogs do.
 */
export const DEMO_PRODUCTS = [
  { sku: "CD-SENCILLO", name: "Sencillo en CD", path: ["Música", "CD", "Sencillos"], brand: null, unitCostMinor: 420, below: 900 },
  { sku: "CD-CATALOGO", name: "CD de catálogo", path: ["Música", "CD", "Catálogo"], brand: null, unitCostMinor: 690, below: 1300 },
  { sku: "CD-NOVEDAD", name: "CD de novedad", path: ["Música", "CD", "Novedades"], brand: null, unitCostMinor: 980, below: 2000 },
  { sku: "CD-IMPORTADO", name: "CD importado", path: ["Música", "CD", "Importados"], brand: null, unitCostMinor: null, below: Number.POSITIVE_INFINITY },
] as const;

export type BasketLine = { sku: string; category: string; quantity: number; unitPriceMinor: number; unitCostMinor: number | null };

/**
 * The lines of a purchase of `cds` CDs for `amountMinor`: one line at the
 * average price, or, when the amount does not split evenly, the remainder on
 * one unit of a second line — the lines add up to the amount exactly.
 */
export function demoBasket(p: { cds: number; amountMinor: number }): BasketLine[] {
  const units = Math.max(1, Math.round(p.cds));
  const price = Math.floor(p.amountMinor / units);
  const product = DEMO_PRODUCTS.find((d) => p.amountMinor / units < d.below)!;
  const line = (quantity: number, unitPriceMinor: number): BasketLine => ({
    sku: product.sku,
    category: categoryCodeOf(product.path),
    quantity,
    unitPriceMinor,
    unitCostMinor: product.unitCostMinor,
  });
  const rest = p.amountMinor - price * units;
  if (rest === 0) return [line(units, price)];
  return [...(units > 1 ? [line(units - 1, price)] : []), line(1, price + rest)];
}

/** Splits a purchase's points over its lines by amount (the last line takes the rounding), so line refunds reverse their share. */
export function spreadPoints(points: number, lines: readonly { quantity: number; unitPriceMinor: number }[]): number[] {
  if (!lines.length) return [];
  const amounts = lines.map((l) => l.quantity * l.unitPriceMinor);
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total <= 0) return lines.map((_, i) => (i === lines.length - 1 ? points : 0));
  const shares = amounts.map((a) => Math.floor((points * a) / total));
  const spread = shares.reduce((s, a) => s + a, 0);
  const last = shares.length - 1;
  shares[last] = (shares[last] ?? 0) + points - spread;
  return shares;
}

export type WalkInTicket = { orderId: string; storeIndex: number; occurredAt: Date; amountMinor: number; lines: BasketLine[] };

/**
 * Counter sales to customers who are not members, for the demo's stores over
 * the `days` days before `lastDay` (a UTC date, YYYY-MM-DD): 4 to 12 tickets a
 * day, 1 to 3 CDs each at $8–$24 (imports above $20 have no known cost), between 10:00 and 20:00 in Mexico City
 * (UTC−6 all year since 2022). They give Analytics its non-member side (sales,
 * average ticket, margin) next to the members'. Deterministic for a seed.
 */
export function demoWalkInTickets(p: { lastDay: string; days: number; stores: number; random: () => number }): WalkInTicket[] {
  const tickets: WalkInTicket[] = [];
  const last = Date.parse(`${p.lastDay}T00:00:00Z`);
  for (let d = p.days - 1; d >= 0; d--) {
    const dayStart = last - d * 86_400_000;
    const day = new Date(dayStart).toISOString().slice(0, 10).replaceAll("-", "");
    const count = 4 + Math.floor(p.random() * 9);
    for (let n = 0; n < count; n++) {
      const cds = 1 + Math.floor(p.random() * p.random() * 3);
      const amountMinor = cds * (800 + Math.floor(p.random() * 1600));
      const minuteOfDay = 16 * 60 + Math.floor(p.random() * 10 * 60);
      tickets.push({
        orderId: `MOSTRADOR-${day}-${String(n + 1).padStart(2, "0")}`,
        storeIndex: Math.floor(p.random() * p.stores),
        occurredAt: new Date(dayStart + minuteOfDay * 60_000),
        amountMinor,
        lines: demoBasket({ cds, amountMinor }),
      });
    }
  }
  return tickets;
}
