import { describe, expect, it } from "vitest";
import { addDays, daysBetween, summarizeCustomer, toOccasions } from "./customer-summary";

const period = { calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" };

describe("customer summary", () => {
  it("gives CDNOW customer 1 the published x = 2, t_x = 30.43, T = 38.86", () => {
    const summary = summarizeCustomer(
      [
        { date: "1997-01-01", amount: 2933 },
        { date: "1997-01-18", amount: 2973 },
        { date: "1997-08-02", amount: 1496 },
        { date: "1997-12-12", amount: 2622 },
      ],
      period,
    );
    expect(summary).toMatchObject({ x: 2, firstDate: "1997-01-01", lastDate: "1997-08-02", holdoutOccasions: 1 });
    expect(summary!.tx).toBeCloseTo(30.43, 2);
    expect(summary!.T).toBeCloseTo(38.86, 2);
    expect(summary!.meanRepeatSpend).toBe((2973 + 1496) / 2);
  });

  it("counts lines of one day as one occasion and adds their amounts", () => {
    const purchases = [
      { date: "2026-03-02", amount: 500 },
      { date: "2026-03-01", amount: 1000 },
      { date: "2026-03-02", amount: 700, category: "coffee" },
    ];
    expect(toOccasions(purchases)).toEqual([
      { date: "2026-03-01", amount: 1000 },
      { date: "2026-03-02", amount: 1200 },
    ]);
    const summary = summarizeCustomer(purchases, { calibrationEnd: "2026-03-15" });
    expect(summary).toMatchObject({ x: 1, meanRepeatSpend: 1200, holdoutOccasions: 0 });
    expect(summary!.tx).toBeCloseTo(1 / 7, 12);
    expect(summary!.T).toBe(2);
  });

  it("gives a one-time buyer x = 0, t_x = 0 and no repeat spend", () => {
    const summary = summarizeCustomer([{ date: "2026-01-01", amount: 900 }], { calibrationEnd: "2026-01-29" });
    expect(summary).toMatchObject({ x: 0, tx: 0, T: 4, meanRepeatSpend: null });
  });

  it("ignores purchases after the calibration end except for the holdout count", () => {
    const summary = summarizeCustomer(
      [
        { date: "2026-01-01", amount: 1 },
        { date: "2026-02-01", amount: 2 },
        { date: "2026-02-02", amount: 3 },
        { date: "2026-05-01", amount: 4 },
      ],
      { calibrationEnd: "2026-02-01", holdoutEnd: "2026-04-30" },
    );
    expect(summary).toMatchObject({ x: 1, meanRepeatSpend: 2, lastDate: "2026-02-01", holdoutOccasions: 1 });
  });

  it("returns null for a customer whose first purchase is after the calibration end", () => {
    expect(summarizeCustomer([{ date: "2026-02-02", amount: 1 }], { calibrationEnd: "2026-02-01" })).toBeNull();
    expect(summarizeCustomer([], { calibrationEnd: "2026-02-01" })).toBeNull();
  });

  it("counts days across month and leap-year ends and refuses malformed dates", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("1997-01-01", "1997-09-30")).toBe(272);
    expect(addDays("2024-12-30", 3)).toBe("2025-01-02");
    expect(() => daysBetween("2024-2-28", "2024-03-01")).toThrow(RangeError);
  });
});
