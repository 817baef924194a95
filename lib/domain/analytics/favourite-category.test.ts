import { describe, expect, it } from "vitest";
import { categoryStats, favouriteCategory } from "./favourite-category";

const purchases = [
  { date: "2026-01-05", amount: 3000, category: "coffee" },
  { date: "2026-01-05", amount: 1000, category: "coffee" },
  { date: "2026-01-12", amount: 3000, category: "coffee" },
  { date: "2026-01-20", amount: 9000, category: "beans" },
  { date: "2026-01-21", amount: 50_000 },
];

describe("favouriteCategory", () => {
  it("adds spend and counts days per category, ignoring lines without one", () => {
    expect(categoryStats(purchases)).toEqual([
      { category: "coffee", spend: 7000, occasions: 2, lastDate: "2026-01-12" },
      { category: "beans", spend: 9000, occasions: 1, lastDate: "2026-01-20" },
    ]);
  });

  it("picks by spend or by occasions", () => {
    expect(favouriteCategory(purchases)?.category).toBe("beans");
    expect(favouriteCategory(purchases, "occasions")?.category).toBe("coffee");
  });

  it("breaks ties by the other measure, then recency, then name, whatever the order", () => {
    const tie = [
      { date: "2026-02-01", amount: 100, category: "tea" },
      { date: "2026-02-03", amount: 100, category: "cake" },
      { date: "2026-02-02", amount: 100, category: "bread" },
    ];
    expect(favouriteCategory(tie)?.category).toBe("cake");
    expect(favouriteCategory([...tie].reverse())?.category).toBe("cake");
    const sameDay = tie.map((p) => ({ ...p, date: "2026-02-01" }));
    expect(favouriteCategory(sameDay)?.category).toBe("bread");
    const moreVisits = [...tie, { date: "2026-01-01", amount: 0, category: "tea" }];
    expect(favouriteCategory(moreVisits)?.category).toBe("tea");
  });

  it("has no favourite without categorised purchases", () => {
    expect(favouriteCategory([{ date: "2026-01-01", amount: 1 }])).toBeNull();
    expect(favouriteCategory([])).toBeNull();
  });
});
