import { describe, expect, it } from "vitest";
import { localTime, localToInstant } from "./local-time";

describe("localToInstant", () => {
  it.each([
    ["2026-11-21T12:00", "America/Mexico_City", "2026-11-21T18:00:00.000Z"],
    ["2026-07-04T09:30", "America/New_York", "2026-07-04T13:30:00.000Z"],
    ["2026-01-15T23:45", "Europe/Madrid", "2026-01-15T22:45:00.000Z"],
    ["2026-06-01T00:00", "UTC", "2026-06-01T00:00:00.000Z"],
  ])("reads %s in %s as %s", (local, zone, iso) => {
    expect(localToInstant(local, zone).toISOString()).toBe(iso);
  });

  it("round-trips through localTime", () => {
    const instant = localToInstant("2026-03-29T15:10", "Europe/Madrid");
    expect(localTime(instant, "Europe/Madrid")).toMatchObject({ date: "2026-03-29", minutes: 15 * 60 + 10 });
  });

  it("refuses text that is not a local date-time", () => {
    expect(() => localToInstant("tomorrow", "UTC")).toThrow(RangeError);
  });
});
