import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { challengeProgress, completesNow, localWeek, profileFactsOf, streaksOf, type ChallengeRule, type MemberFacts, type PurchaseFact } from "./challenge";

const DAY = 86_400_000;
const start = new Date("2026-06-01T12:00:00Z"); // a Monday
const window = { startsAt: start, endsAt: null, timeZone: "America/Mexico_City" };
const day = (n: number) => new Date(start.getTime() + n * DAY);
const buy = (n: number, over: Partial<PurchaseFact> = {}): PurchaseFact => ({ at: day(n), amountMinor: 10_000, storeId: "s1", categories: [], ...over });
const emptyProfile = profileFactsOf({ name: null, email: null, phone: null, birthday: null, city: null, consentMarketing: false, consentPersonalization: false });
const facts = (purchases: PurchaseFact[], profile = emptyProfile): MemberFacts => ({ purchases, profile });

const threeIn30: ChallengeRule = { kind: "purchases", count: 3, windowDays: 30, category: null, minAmountMinor: null };

describe("purchase challenges", () => {
  it.each([
    ["three purchases within 30 days complete it", [1, 10, 29], 40, true, 3],
    ["purchases 30 days apart or more never share a window", [0, 15, 30], 31, false, 2],
    ["two recent purchases show 2 of 3", [35, 40], 41, false, 2],
    ["old purchases leave the bar as time passes", [1, 2], 60, false, 0],
    ["completion stays once reached", [1, 2, 3], 200, true, 3],
  ])("%s", (_label, days, nowDay, completed, current) => {
    const p = challengeProgress(threeIn30, window, facts(days.map((d) => buy(d))), day(nowDay));
    expect(p).toMatchObject({ completed, current, target: 3 });
  });

  it("counts only purchases in the category, at or above the minimum ticket, inside the dates", () => {
    const rule: ChallengeRule = { kind: "purchases", count: 2, windowDays: null, category: "cafe", minAmountMinor: 5_000 };
    const bounded = { ...window, endsAt: day(20) };
    const purchases = [buy(-1, { categories: ["cafe"] }), buy(1, { categories: ["abarrotes", "cafe"] }), buy(2, { categories: ["cafe"], amountMinor: 4_999 }), buy(3, { categories: ["pan"] }), buy(21, { categories: ["cafe"] })];
    expect(challengeProgress(rule, bounded, facts(purchases), day(30))).toMatchObject({ current: 1, completed: false });
    expect(challengeProgress(rule, bounded, facts([...purchases, buy(5, { categories: ["cafe"] })]), day(30))).toMatchObject({ current: 2, completed: true });
  });

  it("ignores purchases refunded in full (net amount zero) and purchases after now", () => {
    const p = challengeProgress(threeIn30, window, facts([buy(1), buy(2, { amountMinor: 0 }), buy(3), buy(9)]), day(5));
    expect(p).toMatchObject({ current: 2, completed: false });
  });
});

describe("store challenges", () => {
  const rule: ChallengeRule = { kind: "stores", count: 2, windowDays: 14 };
  it.each([
    ["two stores within 14 days", [buy(1, { storeId: "a" }), buy(5, { storeId: "b" })], true],
    ["the same store twice is one store", [buy(1, { storeId: "a" }), buy(5, { storeId: "a" })], false],
    ["two stores 20 days apart", [buy(1, { storeId: "a" }), buy(21, { storeId: "b" })], false],
    ["online purchases have no store", [buy(1, { storeId: null }), buy(2, { storeId: "a" })], false],
  ])("%s", (_label, purchases, completed) => {
    expect(challengeProgress(rule, window, facts(purchases), day(22)).completed).toBe(completed);
  });
});

describe("profile challenges", () => {
  const rule: ChallengeRule = { kind: "profile", fields: ["birthday", "phone", "city", "consentMarketing"] };
  it("counts the filled fields and completes when all are there", () => {
    const half = profileFactsOf({ name: "Ana", email: null, phone: "+52 55", birthday: null, city: " ", consentMarketing: true, consentPersonalization: false });
    expect(challengeProgress(rule, window, facts([], half), day(1))).toEqual({ current: 2, target: 4, completed: false, streak: 0 });
    const full = profileFactsOf({ name: "Ana", email: null, phone: "+52 55", birthday: "1990-02-03", city: "Puebla", consentMarketing: true, consentPersonalization: false });
    expect(challengeProgress(rule, window, facts([], full), day(1))).toMatchObject({ current: 4, completed: true });
  });
});

describe("streaks", () => {
  const rule: ChallengeRule = { kind: "streak", weeks: 3, category: null, minAmountMinor: null };
  it.each([
    ["three consecutive weeks", [0, 8, 15], 16, true, 3],
    ["a missed week breaks it", [0, 8, 22], 23, false, 1],
    ["this week may still come: last week's run stands", [0, 7], 15, false, 2],
    ["two weeks without a purchase end the current run", [0, 7], 22, false, 0],
  ])("%s", (_label, days, nowDay, completed, streak) => {
    const p = challengeProgress(rule, window, facts(days.map((d) => buy(d))), day(nowDay));
    expect(p.completed).toBe(completed);
    expect(p.streak).toBe(streak);
  });

  it("weeks start on Monday on the program's clock", () => {
    // Sunday 23:30 in Mexico City is Monday in UTC: still the week before.
    const sunday = new Date("2026-06-08T05:30:00Z");
    expect(localWeek(sunday, "America/Mexico_City")).toBe(localWeek(new Date("2026-06-01T18:00:00Z"), "America/Mexico_City"));
    expect(streaksOf(new Set([1, 2, 3, 7, 8]), 8)).toEqual({ best: 3, current: 2 });
  });
});

describe("properties", () => {
  const rules: fc.Arbitrary<ChallengeRule> = fc.oneof(
    fc.record({ kind: fc.constant("purchases" as const), count: fc.integer({ min: 1, max: 6 }), windowDays: fc.option(fc.integer({ min: 1, max: 60 })), category: fc.option(fc.constantFrom("cafe", "pan")), minAmountMinor: fc.option(fc.integer({ min: 1, max: 20_000 })) }),
    fc.record({ kind: fc.constant("stores" as const), count: fc.integer({ min: 1, max: 4 }), windowDays: fc.option(fc.integer({ min: 1, max: 60 })) }),
    fc.record({ kind: fc.constant("streak" as const), weeks: fc.integer({ min: 1, max: 6 }), category: fc.option(fc.constantFrom("cafe", "pan")), minAmountMinor: fc.constant(null) }),
  );
  const purchase = fc.record({
    at: fc.integer({ min: -10 * DAY, max: 120 * DAY }).map((ms) => new Date(start.getTime() + ms)),
    amountMinor: fc.integer({ min: 0, max: 30_000 }),
    storeId: fc.option(fc.constantFrom("a", "b", "c", "d")),
    categories: fc.subarray(["cafe", "pan", "abarrotes"]),
  });

  it("progress never goes down as purchases are added, and completion fires exactly once", () => {
    fc.assert(
      fc.property(rules, fc.array(purchase, { maxLength: 25 }), fc.integer({ min: 0, max: 130 }), (rule, purchases, nowDay) => {
        const now = day(nowDay);
        let previous = challengeProgress(rule, window, facts([]), now);
        let completed = false;
        let fired = 0;
        for (let i = 1; i <= purchases.length; i++) {
          const next = challengeProgress(rule, window, facts(purchases.slice(0, i)), now);
          expect(next.current).toBeGreaterThanOrEqual(previous.current);
          expect(next.streak).toBeGreaterThanOrEqual(previous.streak);
          if (previous.completed) expect(next.completed).toBe(true);
          if (completesNow(next, completed)) {
            fired += 1;
            completed = true;
          }
          previous = next;
        }
        expect(fired).toBe(previous.completed ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it("the order purchases arrive in does not change the result", () => {
    fc.assert(
      fc.property(rules, fc.array(purchase, { maxLength: 15 }), (rule, purchases) => {
        const now = day(130);
        expect(challengeProgress(rule, window, facts([...purchases].reverse()), now)).toEqual(challengeProgress(rule, window, facts(purchases), now));
      }),
    );
  });
});
