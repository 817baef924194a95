import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareStandings, displayNameProblem, leaderboardEnabled, leaderboardMonth, maskedName, publicName, rankStandings } from "./leaderboard";

describe("maskedName", () => {
  it.each([
    ["first name and the first surname's initial", "Ana García López", "Ana G."],
    ["extra spaces", "  Ana   García  ", "Ana G."],
    ["a single name stays as it is", "Ana", "Ana"],
    ["surname particles are skipped", "María de la Cruz", "María C."],
    ["accents and ñ keep their letters", "Íñigo Ñúñez", "Íñigo Ñ."],
    ["a lowercase name gets its capitals", "josé pérez", "José P."],
    ["a long first name is cut to 20 letters", "Maximilianoalejandrooo Ruiz", "Maximilianoalejandro R."],
    ["no name", null, null],
    ["a blank name", "   ", null],
    ["an email typed as a name", "ana@example.com", null],
    ["an email anywhere in it", "Ana ana@example.com", null],
    ["a number typed as a name", "5512345678", null],
  ])("%s", (_label, name, expected) => {
    expect(maskedName(name)).toBe(expected);
  });

  it("never shows more than the first name and one letter", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-záéíóúñ]{1,12}$/), { minLength: 2, maxLength: 5 }), (words) => {
        const masked = maskedName(words.join(" "));
        if (masked === null) return;
        const [first, ...rest] = masked.split(" ");
        expect(first!.toLowerCase()).toBe(words[0]!.slice(0, 20));
        expect(rest.join(" ")).toMatch(/^(\p{Lu}\.)?$/u);
      }),
    );
  });
});

describe("publicName", () => {
  it("prefers the name the member picked, else masks their own", () => {
    expect(publicName({ displayName: "La Cafetera" }, "Ana García")).toBe("La Cafetera");
    expect(publicName({ displayName: null }, "Ana García")).toBe("Ana G.");
    expect(publicName({ displayName: null }, null)).toBeNull();
  });
});

describe("displayNameProblem", () => {
  it.each([
    ["Ana G.", null],
    ["La Cafetera 2026", null],
    ["A", "too_short"],
    ["  A  ", "too_short"],
    ["x".repeat(25), "too_long"],
    ["ana@example.com", "contact"],
    ["Llámame 55 1234 5678", "contact"],
    ["www.mitienda.mx", "contact"],
    ["https://x.y", "contact"],
  ])("%j → %s", (name, problem) => {
    expect(displayNameProblem(name)).toBe(problem);
  });
});

describe("leaderboardEnabled", () => {
  it("is off unless a marketer turned it on", () => {
    expect(leaderboardEnabled({})).toBe(false);
    expect(leaderboardEnabled(null)).toBe(false);
    expect(leaderboardEnabled({ leaderboard: { enabled: false } })).toBe(false);
    expect(leaderboardEnabled({ leaderboard: { enabled: true } })).toBe(true);
  });
});

describe("leaderboardMonth", () => {
  it.each([
    ["mid-month in Mexico City", "2026-06-15T18:00:00Z", "America/Mexico_City", "2026-06", "2026-06-01T06:00:00.000Z", "2026-07-01T06:00:00.000Z"],
    ["late on the 30th local time is still June", "2026-07-01T05:30:00Z", "America/Mexico_City", "2026-06", "2026-06-01T06:00:00.000Z", "2026-07-01T06:00:00.000Z"],
    ["December runs into January", "2026-12-31T12:00:00Z", "UTC", "2026-12", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["a month that starts in summer time and ends in winter time", "2026-10-20T12:00:00Z", "Europe/Madrid", "2026-10", "2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"],
    ["Santiago's spring change", "2026-09-10T12:00:00Z", "America/Santiago", "2026-09", "2026-09-01T04:00:00.000Z", "2026-10-01T03:00:00.000Z"],
  ])("%s", (_label, now, zone, key, start, end) => {
    const month = leaderboardMonth(new Date(now), zone);
    expect(month).toEqual({ key, start: new Date(start), end: new Date(end) });
  });
});

describe("ranking", () => {
  const t = (minute: number) => new Date(Date.UTC(2026, 5, 10, 12, minute));

  it("puts more challenges first and, between equal scores, whoever got there first", () => {
    const ranked = rankStandings([
      { id: "late-two", score: 2, reachedAt: t(30) },
      { id: "one", score: 1, reachedAt: t(1) },
      { id: "early-two", score: 2, reachedAt: t(10) },
      { id: "three", score: 3, reachedAt: t(50) },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([["three", 1], ["early-two", 2], ["late-two", 3], ["one", 4]]);
  });

  it("shares a rank only for the same score at the same instant, and skips the ranks they take", () => {
    const ranked = rankStandings([
      { id: "a", score: 2, reachedAt: t(5) },
      { id: "b", score: 2, reachedAt: t(5) },
      { id: "c", score: 1, reachedAt: t(0) },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it("gives ranks that never go down the board and start at 1", () => {
    const standing = fc.record({ score: fc.integer({ min: 1, max: 5 }), reachedAt: fc.integer({ min: 0, max: 20 }).map(t) });
    fc.assert(
      fc.property(fc.array(standing, { minLength: 1, maxLength: 30 }), (rows) => {
        const ranked = rankStandings(rows);
        expect(ranked[0]!.rank).toBe(1);
        for (let i = 1; i < ranked.length; i++) {
          expect(compareStandings(ranked[i - 1]!, ranked[i]!)).toBeLessThanOrEqual(0);
          expect(ranked[i]!.rank).toBe(compareStandings(ranked[i - 1]!, ranked[i]!) === 0 ? ranked[i - 1]!.rank : i + 1);
        }
      }),
    );
  });
});
