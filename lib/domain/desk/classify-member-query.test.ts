import { describe, expect, it } from "vitest";
import { classifyMemberQuery } from "./classify-member-query";

describe("classifyMemberQuery", () => {
  it.each([
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    ["ana@Example.com ", { kind: "email", email: "ana@example.com" }],
    ["55 1234-5678", { kind: "phone", digits: "5512345678" }],
    ["+52 (55) 1234 5678", { kind: "phone", digits: "525512345678" }],
    ["7000 0000 0000 0005", { kind: "card", cardNumber: "7000000000000005", digits: "7000000000000005" }],
    ["4321", { kind: "digits", digits: "4321" }],
    ["Alicia  Alfa", { kind: "name", text: "alicia alfa", words: ["alicia", "alfa"] }],
    ["J", { kind: "name", text: "j", words: ["j"] }],
  ])("reads %j as %j", (raw, expected) => {
    expect(classifyMemberQuery(raw)).toEqual(expected);
  });

  it("recognises a scanned card token whatever the scanner did to its prefix's case", () => {
    expect(classifyMemberQuery("lz1.AAAA.123.sig")).toEqual({ kind: "token", token: "LZ1.AAAA.123.sig" });
  });

  it("reads a number that fails the check digit as a phone or digits, not a card", () => {
    expect(classifyMemberQuery("700000000000000").kind).toBe("phone");
    expect(classifyMemberQuery("7000000000000007").kind).toBe("digits");
  });
});
