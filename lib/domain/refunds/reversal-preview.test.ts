import { describe, expect, it } from "vitest";
import { previewReversal } from "./reversal-preview";

describe("previewReversal", () => {
  it.each([
    { name: "takes pending points of the purchase's own lot first", points: 25, ownLot: { remaining: 100, state: "pending" as const }, otherAvailable: 40, want: { fromPending: 25, fromAvailable: 0, clawback: 0 } },
    { name: "takes available points of a released lot", points: 30, ownLot: { remaining: 100, state: "available" as const }, otherAvailable: 0, want: { fromPending: 0, fromAvailable: 30, clawback: 0 } },
    { name: "falls back on other lots when the own lot was spent", points: 100, ownLot: { remaining: 20, state: "available" as const }, otherAvailable: 50, want: { fromPending: 0, fromAvailable: 70, clawback: 30 } },
    { name: "claws back everything the member no longer has", points: 100, ownLot: null, otherAvailable: 0, want: { fromPending: 0, fromAvailable: 0, clawback: 100 } },
    { name: "reverses nothing for zero points", points: 0, ownLot: { remaining: 10, state: "available" as const }, otherAvailable: 10, want: { fromPending: 0, fromAvailable: 0, clawback: 0 } },
  ])("$name", ({ points, ownLot, otherAvailable, want }) => {
    const got = previewReversal({ points, ownLot, otherAvailable });
    expect(got).toEqual(want);
    expect(got.fromPending + got.fromAvailable + got.clawback).toBe(points);
  });
});
