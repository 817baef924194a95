import { describe, expect, it } from "vitest";
import { qualifyingLines, targetOf } from "./reward-target";

describe("reward targets", () => {
  const basket = [
    { sku: "SHOE-RUN-42", categoryPath: ["fashion", "footwear", "running"] },
    { sku: "COFFEE-250", categoryPath: ["grocery", "coffee"] },
    { categoryPath: ["fashion", "footwear"] },
    { sku: "GIFT-50", categoryPath: [] },
  ];
  it.each([
    ["a SKU: only that SKU's lines", { kind: "sku", sku: "COFFEE-250" }, [1]],
    ["a department: everything below it", { kind: "category", code: "fashion" }, [0, 2]],
    ["a category: its lines and its subcategories'", { kind: "category", code: "footwear" }, [0, 2]],
    ["a subcategory: only lines filed there", { kind: "category", code: "running" }, [0]],
    ["a category nobody bought", { kind: "category", code: "toys" }, []],
    ["no target: the whole ticket", null, [0, 1, 2, 3]],
  ] as const)("%s", (_name, target, expected) => {
    expect(qualifyingLines(target, basket)).toEqual(expected);
  });

  it("reads the stored columns", () => {
    expect(targetOf({ targetSku: "X-1", targetCategory: null })).toEqual({ kind: "sku", sku: "X-1" });
    expect(targetOf({ targetSku: null, targetCategory: "footwear" })).toEqual({ kind: "category", code: "footwear" });
    expect(targetOf({ targetSku: null, targetCategory: null })).toBeNull();
  });
});
