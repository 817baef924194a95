import { describe, expect, it } from "vitest";
import { predictReplenishment, predictReplenishments } from "./replenishment";

const line = (date: string, category: string | null = "pet-food") => ({ date, amount: 1000, category });

describe("predictReplenishment", () => {
  it("predicts the last purchase plus the mean gap for a regular cycle", () => {
    const result = predictReplenishment([line("2026-01-01"), line("2026-01-29"), line("2026-02-28"), line("2026-03-28")], "pet-food");
    // Gaps 28, 30, 28: mean 28.67, sd 0.94, variation 0.033.
    expect(result).toMatchObject({ purchases: 4, lastDate: "2026-03-28", nextDate: "2026-04-26" });
    expect(result!.meanIntervalDays).toBeCloseTo(86 / 3, 12);
    expect(result!.variation).toBeCloseTo(Math.sqrt(8 / 9) / (86 / 3), 12);
  });

  it("needs at least three purchase days, counting one day once", () => {
    expect(predictReplenishment([line("2026-01-01"), line("2026-01-31")], "pet-food")).toBeNull();
    expect(predictReplenishment([line("2026-01-01"), line("2026-01-31"), line("2026-01-31")], "pet-food")).toBeNull();
    expect(predictReplenishment([line("2026-01-01"), line("2026-01-31"), line("2026-03-02")], "pet-food")?.nextDate).toBe("2026-04-01");
  });

  it("refuses an irregular cycle, at the threshold's edge too", () => {
    // Gaps 10 and 50: variation 0.67.
    expect(predictReplenishment([line("2026-01-01"), line("2026-01-11"), line("2026-03-02")], "pet-food")).toBeNull();
    // Gaps 20 and 40: variation exactly 1/3.
    const edge = [line("2026-01-01"), line("2026-01-21"), line("2026-03-02")];
    expect(predictReplenishment(edge, "pet-food", { maxVariation: 0.33 })).toBeNull();
    expect(predictReplenishment(edge, "pet-food", { maxVariation: 0.34 })?.nextDate).toBe("2026-04-01");
  });

  it("looks only at the category asked for", () => {
    const mixed = [line("2026-01-01"), line("2026-01-08", "toys"), line("2026-01-15"), line("2026-01-29"), line("2026-02-12", null)];
    expect(predictReplenishment(mixed, "pet-food")?.nextDate).toBe("2026-02-12");
    expect(predictReplenishment(mixed, "toys")).toBeNull();
  });
});

describe("predictReplenishments", () => {
  it("lists every regular category, soonest first", () => {
    const purchases = [
      ...["2026-01-01", "2026-01-31", "2026-03-02"].map((d) => line(d, "pet-food")),
      ...["2026-02-01", "2026-02-08", "2026-02-15"].map((d) => line(d, "coffee")),
      ...["2026-01-01", "2026-01-02", "2026-03-01"].map((d) => line(d, "toys")),
    ];
    expect(predictReplenishments(purchases).map((r) => [r.category, r.nextDate])).toEqual([
      ["coffee", "2026-02-22"],
      ["pet-food", "2026-04-01"],
    ]);
  });
});
