import { describe, expect, it } from "vitest";
import { parseAcceptLanguage, resolveLocale } from "./resolve-locale";

describe("resolveLocale", () => {
  it.each([
    [{ cookie: "en", acceptLanguage: "es-MX,es;q=0.9" }, "en"],
    [{ cookie: "es", acceptLanguage: "en-US" }, "es"],
    [{ cookie: "de", acceptLanguage: "en-US,en;q=0.9" }, "en"],
    [{ cookie: undefined, acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8" }, "en"],
    [{ cookie: undefined, acceptLanguage: "fr-FR,de;q=0.9" }, "es"],
    [{ cookie: undefined, acceptLanguage: "en;q=0.5,es;q=0.8" }, "es"],
    [{ cookie: undefined, acceptLanguage: "EN-gb" }, "en"],
    [{ cookie: undefined, acceptLanguage: "en;q=0,es-AR" }, "es"],
    [{ cookie: null, acceptLanguage: null }, "es"],
    [{}, "es"],
  ])("resolves %j to %s", (sources, expected) => {
    expect(resolveLocale(sources)).toBe(expected);
  });
});

describe("parseAcceptLanguage", () => {
  it("orders by quality and keeps the browser's order on ties", () => {
    expect(parseAcceptLanguage("fr;q=0.5, en-US, es;q=0.9, de")).toEqual(["en-US", "de", "es", "fr"]);
  });

  it("drops wildcards, empty parts and refused languages", () => {
    expect(parseAcceptLanguage("*, ,en;q=0, es;q=abc")).toEqual([]);
  });
});
