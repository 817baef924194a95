import { describe, expect, it } from "vitest";
import { isIanaTimeZone, PROGRAM_LOCALES, PROGRAM_SETTINGS_MESSAGES, programSettingsMessageKey, programTimeZones, updateProgramSettingsSchema } from "./program-settings";

const valid = { programId: "p", name: "Café Norte", pointName: { es: "puntos", en: "points" }, locale: "es-MX", timeZone: "America/Mexico_City", pointValue: "0.01", clawbackPolicy: "strict" };

describe("updateProgramSettingsSchema", () => {
  it("turns the decimal point value into milli-minor units and canonicalises the locale", () => {
    expect(updateProgramSettingsSchema(2).parse({ ...valid, locale: "en-us" })).toMatchObject({ pointValue: 1_000, locale: "en-US" });
    expect(updateProgramSettingsSchema(0).parse({ ...valid, pointValue: "" })).toMatchObject({ pointValue: null });
  });

  it("fills the currency's precision into the message", () => {
    const result = updateProgramSettingsSchema(2).safeParse({ ...valid, pointValue: "0.123456" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Use at most 5 decimals for this currency.");
  });

  it("rejects unknown fields", () => {
    expect(updateProgramSettingsSchema(2).safeParse({ ...valid, currency: "EUR" }).success).toBe(false);
  });
});

describe("programSettingsMessageKey", () => {
  it.each([
    ["Use at most 5 decimals for this currency.", { key: "pointValuePrecision", values: { decimals: "5" } }],
    ["A point cannot be worth more than 10000.", { key: "pointValueTooLarge", values: { max: "10000" } }],
    [PROGRAM_SETTINGS_MESSAGES.locale, { key: "locale", values: {} }],
    [PROGRAM_SETTINGS_MESSAGES.pointNameRequired, { key: "pointNameRequired", values: {} }],
    ["Something from another schema.", null],
  ])("reads %j", (message, expected) => {
    expect(programSettingsMessageKey(message)).toEqual(expected);
  });
});

describe("time zones and locales", () => {
  it("offers the runtime's IANA zones plus UTC, and accepts only names", () => {
    const zones = programTimeZones();
    expect(zones).toContain("America/Santiago");
    expect(zones).toContain("UTC");
    expect(zones.every(isIanaTimeZone)).toBe(true);
    for (const bad of ["+05:00", "Mars/Olympus", "", "mexico"]) expect(isIanaTimeZone(bad)).toBe(false);
  });

  it("offers only locales the schema accepts", () => {
    for (const locale of PROGRAM_LOCALES) expect(updateProgramSettingsSchema(2).safeParse({ ...valid, locale }).success).toBe(true);
  });
});
