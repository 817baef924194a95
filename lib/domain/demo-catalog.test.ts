import { describe, expect, it } from "vitest";
import { demoBasket, demoWalkInTickets, spreadPoints } from "./demo-catalog";
import { seededRandom } from "./generate/synthetic-data";

describe("demo basket", () => {
  it.each([
    ["one CD", { cds: 1, amountMinor: 1177 }, [{ sku: "CD-CATALOGO", quantity: 1, unitPriceMinor: 1177, unitCostMinor: 690 }]],
    ["an even split", { cds: 3, amountMinor: 4500 }, [{ sku: "CD-NOVEDAD", quantity: 3, unitPriceMinor: 1500, unitCostMinor: 980 }]],
    ["the remainder on one unit", { cds: 3, amountMinor: 4501 }, [{ quantity: 2, unitPriceMinor: 1500 }, { quantity: 1, unitPriceMinor: 1501 }]],
    ["a cheap single", { cds: 2, amountMinor: 1198 }, [{ sku: "CD-SENCILLO", quantity: 2, unitPriceMinor: 599, unitCostMinor: 420 }]],
    ["an import without a known cost", { cds: 1, amountMinor: 2999 }, [{ sku: "CD-IMPORTADO", unitCostMinor: null, category: "musica/cd/importados" }]],
    ["a free CD", { cds: 1, amountMinor: 0 }, [{ sku: "CD-SENCILLO", quantity: 1, unitPriceMinor: 0 }]],
  ])("splits %s into lines", (_name, purchase, expected) => {
    const lines = demoBasket(purchase);
    expect(lines).toMatchObject(expected);
    expect(lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0)).toBe(purchase.amountMinor);
  });

  it.each([
    [100, [{ quantity: 2, unitPriceMinor: 1500 }, { quantity: 1, unitPriceMinor: 1501 }], [66, 34]],
    [7, [{ quantity: 1, unitPriceMinor: 0 }], [7]],
    [0, [{ quantity: 3, unitPriceMinor: 100 }], [0]],
  ])("spreads %i points over the lines by amount", (points, lines, expected) => {
    expect(spreadPoints(points, lines)).toEqual(expected);
  });
});

describe("demo walk-in tickets", () => {
  const tickets = demoWalkInTickets({ lastDay: "2026-12-04", days: 30, stores: 4, random: seededRandom(7) });

  it("spreads 4 to 12 tickets a day over the days before the last, in opening hours, with lines that add up", () => {
    const perDay = new Map<string, number>();
    for (const t of tickets) {
      const local = new Date(t.occurredAt.getTime() - 6 * 3_600_000);
      const day = local.toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(10);
      expect(local.getUTCHours()).toBeLessThan(20);
      expect(t.lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0)).toBe(t.amountMinor);
      expect(t.amountMinor).toBeGreaterThanOrEqual(800);
      expect(t.amountMinor).toBeLessThan(3 * 2400);
      expect(t.storeIndex).toBeGreaterThanOrEqual(0);
      expect(t.storeIndex).toBeLessThan(4);
    }
    expect([...perDay.keys()].sort()).toEqual(Array.from({ length: 30 }, (_, i) => new Date(Date.parse("2026-11-05T00:00:00Z") + i * 86_400_000).toISOString().slice(0, 10)));
    expect(Math.min(...perDay.values())).toBeGreaterThanOrEqual(4);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(12);
  });

  it("gives every ticket its own order reference and is deterministic for a seed", () => {
    expect(new Set(tickets.map((t) => t.orderId)).size).toBe(tickets.length);
    expect(demoWalkInTickets({ lastDay: "2026-12-04", days: 30, stores: 4, random: seededRandom(7) })).toEqual(tickets);
  });
});
