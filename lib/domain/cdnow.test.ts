import { describe, expect, it } from "vitest";
import { dayShift, parseCdnow, parseCdnowLine, shiftDate } from "./cdnow";

describe("CDNOW parsing", () => {
  it("reads master and sample lines and skips the header", () => {
    expect(parseCdnowLine(" customer_id  date number_of_cds  dollar_value\r")).toBeNull();
    expect(parseCdnowLine(" 00002 19970112  5   77.00\r")).toEqual({ customerId: "00002", date: "1997-01-12", cds: 5, amountMinor: 7700 });
    expect(parseCdnowLine(" 00004 0001 19970118  2   29.73")).toEqual({ customerId: "00004", date: "1997-01-18", cds: 2, amountMinor: 2973 });
  });

  it("adds up a customer's lines of one day into one occasion", () => {
    const text = [" 00001 19970101  1   11.77", " 00001 19970101  2   10.00", " 00001 19970102  1    5.00", " 00002 19970101  1    1.00"].join("\r\n");
    const { lines, occasions } = parseCdnow(text);
    expect(lines).toBe(4);
    expect(occasions).toEqual([
      { customerId: "00001", date: "1997-01-01", cds: 3, amountMinor: 2177, lines: 2 },
      { customerId: "00002", date: "1997-01-01", cds: 1, amountMinor: 100, lines: 1 },
      { customerId: "00001", date: "1997-01-02", cds: 1, amountMinor: 500, lines: 1 },
    ]);
  });

  it("refuses malformed dates and amounts", () => {
    expect(() => parseCdnowLine(" 00001 1997011  1   11.77")).toThrow(/date/);
    expect(() => parseCdnowLine(" 00001 19970101  1   abc")).toThrow(/amount/);
  });

  it("shifts dates so the latest lands on the target", () => {
    const shift = dayShift("1998-06-30", "2026-11-22");
    expect(shiftDate("1998-06-30", shift)).toBe("2026-11-22");
    expect(shiftDate("1998-06-29", shift)).toBe("2026-11-21");
  });
});
