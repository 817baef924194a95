import { describe, expect, it } from "vitest";
import { defaultPlan } from "./plan-definition";
import { tierProgress } from "./tier-progress";

const tiers = defaultPlan().tiers; // bronze 0, silver 500, gold 1500

describe("tierProgress", () => {
  it.each([
    ["bronze halfway to silver", "bronze", 250, "bronze", "silver", 250, 0.5],
    ["silver a quarter of the way to gold", "silver", 750, "silver", "gold", 750, 0.25],
    ["gold at the top", "gold", 2000, "gold", null, 0, 1],
    ["an override above the points: progress never negative", "gold", 100, "gold", null, 0, 1],
    ["silver by override with bronze points", "silver", 100, "silver", "gold", 1400, 0],
    ["no tier yet", null, 100, null, "silver", 400, 0.2],
    ["an unknown tier counts as none", "platinum", 600, null, "silver", 0, 1],
  ] as const)("%s", (_name, current, qualifying, holds, next, missing, ratio) => {
    const progress = tierProgress(tiers, current, qualifying);
    expect(progress.current?.key ?? null).toBe(holds);
    expect(progress.next?.key ?? null).toBe(next);
    expect(progress.missing).toBe(missing);
    expect(progress.ratio).toBeCloseTo(ratio);
  });
});
