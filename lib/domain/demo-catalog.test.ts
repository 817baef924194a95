import { describe, expect, it } from "vitest";
import { demoBasket, spreadPoints } from "./demo-catalog";

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
