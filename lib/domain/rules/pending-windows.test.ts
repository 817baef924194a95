import { describe, expect, it } from "vitest";
import { pendingWindows } from "./pending-windows";

const AT = new Date("2026-05-04T18:00:00Z");
const days = (n: number) => new Date(AT.getTime() + n * 86_400_000);

describe("pendingWindows", () => {
  it.each([
    ["nothing pending", [{ days: 0, points: 120 }], 0, 0, [{ points: 120, pendingUntil: null }]],
    ["the plan's window for all", [{ days: 14, points: 120 }], 14, 0, [{ points: 120, pendingUntil: days(14) }]],
    ["a rule's own window beside the plan's", [{ days: 0, points: 150 }, { days: 30, points: 200 }], 0, 0, [{ points: 150, pendingUntil: null }, { points: 200, pendingUntil: days(30) }]],
    ["a campaign's extra points follow the plan's window", [{ days: 30, points: 200 }], 7, 25, [{ points: 25, pendingUntil: days(7) }, { points: 200, pendingUntil: days(30) }]],
    ["extra points merge into the plan's part", [{ days: 7, points: 100 }], 7, 25, [{ points: 125, pendingUntil: days(7) }]],
    ["no points, no lots", [], 7, 0, []],
  ] as const)("%s", (_name, parts, planDays, extraPoints, expected) => {
    expect(pendingWindows(parts, { planDays, extraPoints, occurredAt: AT })).toEqual(expected);
  });
});
