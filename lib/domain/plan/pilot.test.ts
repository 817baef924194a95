import { describe, expect, it } from "vitest";
import { isPilot, pilotCovers } from "./pilot";

describe("pilotCovers", () => {
  it.each([
    ["no pilot covers everyone", null, { storeId: null, segmentIds: [] }, true],
    ["a store pilot covers its store", { storeIds: ["s1"] }, { storeId: "s1", segmentIds: [] }, true],
    ["a store pilot leaves other stores out", { storeIds: ["s1"] }, { storeId: "s2", segmentIds: [] }, false],
    ["a store pilot leaves online purchases (no store) out", { storeIds: ["s1"] }, { storeId: null, segmentIds: [] }, false],
    ["a segment pilot covers a member of the segment", { segmentIds: ["vip"] }, { storeId: "s2", segmentIds: ["x", "vip"] }, true],
    ["a segment pilot leaves others out", { segmentIds: ["vip"] }, { storeId: "s1", segmentIds: [] }, false],
    ["stores and segment must both hold", { storeIds: ["s1"], segmentIds: ["vip"] }, { storeId: "s1", segmentIds: [] }, false],
    ["stores and segment both holding", { storeIds: ["s1"], segmentIds: ["vip"] }, { storeId: "s1", segmentIds: ["vip"] }, true],
  ])("%s", (_, pilot, audience, covered) => {
    expect(pilotCovers(pilot, audience)).toBe(covered);
  });

  it("treats empty lists as no pilot", () => {
    expect(isPilot({ storeIds: [], segmentIds: [] })).toBe(false);
    expect(isPilot({ storeIds: ["s1"] })).toBe(true);
  });
});
