import { describe, expect, it } from "vitest";
import { previewReversal } from "./reversal-preview";

describe("previewReversal", () => {
  it.each([
    { name: "takes pending points of the purchase's own lot first", points: 25, ownLots: [{ remaining: 100, state: "pending" as const }], otherAvailable: 40, want: { fromPending: 25, fromAvailable: 0, clawback: 0 } },
    { name: "takes available points of a released lot", points: 30, ownLots: [{ remaining: 100, state: "available" as const }], otherAvailable: 0, want: { fromPending: 0, fromAvailable: 30, clawback: 0 } },
    { name: "falls back on other lots when the own lot was spent", points: 100, ownLots: [{ remaining: 20, state: "available" as const }], otherAvailable: 50, want: { fromPending: 0, fromAvailable: 70, clawback: 30 } },
    { name: "claws back everything the member no longer has", points: 100, ownLots: [], otherAvailable: 0, want: { fromPending: 0, fromAvailable: 0, clawback: 100 } },
    { name: "reverses nothing for zero points", points: 0, ownLots: [{ remaining: 10, state: "available" as const }], otherAvailable: 10, want: { fromPending: 0, fromAvailable: 0, clawback: 0 } },
    {
      name: "takes a rule's pending lot before the purchase's available lot",
      points: 60,
      ownLots: [{ remaining: 50, state: "available" as const }, { remaining: 40, state: "pending" as const }],
      otherAvailable: 0,
      want: { fromPending: 40, fromAvailable: 20, clawback: 0 },
    },
  ])("$name", ({ points, ownLots, otherAvailable, want }) => {
    const got = previewReversal({ points, ownLots, otherAvailable });
    expect(got).toEqual(want);
    expect(got.fromPending + got.fromAvailable + got.clawback).toBe(points);
  });
});
