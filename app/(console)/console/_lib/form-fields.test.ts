import { describe, expect, it } from "vitest";
import { formInstant, formMoneyMinor, formText, orNull } from "./form-fields";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("console form fields", () => {
  it("trims text and reads an empty field as null", () => {
    expect(formText(form({ name: "  Ana  " }), "name")).toBe("Ana");
    expect(formText(form({}), "name")).toBe("");
    expect(orNull("")).toBeNull();
    expect(orNull("x")).toBe("x");
  });

  it("reads a local date and time in the program's time zone, and marks what it cannot read", () => {
    expect(formInstant(form({ at: "2026-12-04T10:00" }), "at", "America/Mexico_City")).toEqual(new Date("2026-12-04T16:00:00Z"));
    expect(formInstant(form({ at: "" }), "at", "America/Mexico_City")).toBeNull();
    expect(formInstant(form({ at: "not a date" }), "at", "America/Mexico_City")).toBe("invalid");
  });

  it("reads money in minor units, and marks what it cannot read", () => {
    expect(formMoneyMinor(form({ m: "1,250.50" }), "m", 2)).toBe(125_050);
    expect(formMoneyMinor(form({ m: "" }), "m", 2)).toBeNull();
    expect(formMoneyMinor(form({ m: "abc" }), "m", 2)).toBeNaN();
  });
});
