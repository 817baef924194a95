import { describe, expect, it } from "vitest";
import { isValidCardNumber } from "../card-number";
import { copyRow } from "./copy-text";
import { cardNumberFor, phoneFor, purchasesPerMember, seededRandom, sequentialUuid, sortedMoments } from "./synthetic-data";

describe("synthetic data", () => {
  it("repeats the same sequence for the same seed and another for another seed", () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it.each([[1, 0], [10, 7], [1000, 20_000], [7, 1]])("spreads %i members' purchases to exactly %i in total", (members, total) => {
    const counts = purchasesPerMember(members, total, seededRandom(5));
    expect(counts.length).toBe(members);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("gives every index its own valid card number and phone", () => {
    const cards = new Set<string>();
    const phones = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      cards.add(cardNumberFor(i, 123_456_789));
      phones.add(phoneFor(i, 987_654));
    }
    expect(cards.size).toBe(50_000);
    expect(phones.size).toBe(50_000);
    expect([...cards].slice(0, 500).every(isValidCardNumber)).toBe(true);
    expect(cardNumberFor(9_999_999, 2 ** 32 - 1)).toMatch(/^7\d{15}$/);
  });

  it("makes UUID-shaped ids that sort like their counters", () => {
    const ids = [0, 1, 15, 16, 255, 65_536, 2 ** 40].map((n) => sequentialUuid(0xabcdef01, n));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it("orders moments inside the window", () => {
    const moments = sortedMoments(100, 1000, 2000, seededRandom(3));
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
    expect(moments.every((m) => m >= 1000 && m < 2000)).toBe(true);
  });

  it("escapes COPY's special characters and writes null as \\N", () => {
    expect(copyRow(["a\tb", null, 3, true, "back\\slash\nline"])).toBe("a\\tb\t\\N\t3\ttrue\tback\\\\slash\\nline\n");
  });
});
