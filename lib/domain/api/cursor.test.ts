import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("opaque cursors", () => {
  it("round-trips any entry id", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (id) => {
      expect(decodeCursor(encodeCursor(id))).toBe(id);
    }));
  });

  it.each(["", "abc", Buffer.from("v1:-4").toString("base64url"), Buffer.from("v2:10").toString("base64url"), Buffer.from("v1:0").toString("base64url")])("refuses %j", (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
