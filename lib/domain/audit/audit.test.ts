import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";
import { diffFields } from "./diff";
import { zonedDayEnd, zonedDayStart } from "./zoned-day";

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-1+1", "'-1+1"],
    [null, ""],
    [42, "42"],
    [{ a: 1, b: "x,y" }, '"{""a"":1,""b"":""x,y""}"'],
  ])("writes %j as %s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("ends lines in CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("diffFields", () => {
  it("lists only the fields that changed", () => {
    expect(diffFields({ role: "staff", storeIds: ["a"], name: "x" }, { role: "marketer", storeIds: ["a"], name: "x" })).toEqual([{ field: "role", before: "staff", after: "marketer" }]);
  });

  it("treats a creation as every field new and a removal as every field gone", () => {
    expect(diffFields(null, { name: "POS" })).toEqual([{ field: "name", before: undefined, after: "POS" }]);
    expect(diffFields({ name: "POS" }, null)).toEqual([{ field: "name", before: "POS", after: undefined }]);
  });
});

describe("zoned days", () => {
  it.each([
    ["2026-03-08", "America/Mexico_City", "2026-03-08T06:00:00.000Z"],
    ["2026-01-15", "America/Santiago", "2026-01-15T03:00:00.000Z"],
    ["2026-07-01", "UTC", "2026-07-01T00:00:00.000Z"],
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", "America/New_York", "2026-03-09T04:00:00.000Z"],
  ])("%s starts in %s at %s", (day, zone, iso) => {
    expect(zonedDayStart(day, zone).toISOString()).toBe(iso);
  });

  it("ends a day where the next one starts", () => {
    expect(zonedDayEnd("2026-12-31", "America/Bogota").toISOString()).toBe("2027-01-01T05:00:00.000Z");
  });
});
