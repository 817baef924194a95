import { describe, expect, it } from "vitest";
import { formatReferralCode, makeReferralCode, normalizeReferralCode, REFERRAL_ALPHABET, REFERRAL_CODE_LENGTH } from "./referral-code";
import { decideReward, DEFAULT_REFERRAL_SETTINGS, normalizeEmail, qualifies, referralSettingsOf, refuseReferral, samePhone } from "./referral-rules";

describe("referral codes", () => {
  it("draws eight characters from an alphabet without look-alikes", () => {
    let i = 0;
    const code = makeReferralCode((n) => i++ % n);
    expect(code).toHaveLength(REFERRAL_CODE_LENGTH);
    expect(code).toBe("23456789");
    for (const ch of "01ILOU") expect(REFERRAL_ALPHABET).not.toContain(ch);
  });

  it("always draws a code that normalises to itself", () => {
    for (let seed = 0; seed < 50; seed++) {
      let x = seed;
      const code = makeReferralCode((n) => (x = (x * 31 + 7) % 1009) % n);
      expect(normalizeReferralCode(code)).toBe(code);
    }
  });

  it.each([
    ["abcd-efgh", "ABCDEFGH"],
    ["  ABCD EFGH ", "ABCDEFGH"],
    ["x7k2.m9pq", "X7K2M9PQ"],
    ["ABCD_EFGH", "ABCDEFGH"],
    ["ABCDEFG", null],
    ["ABCDEFGHJ", null],
    ["ABCD0FGH", null],
    ["ABCDOFGH", null],
    ["ABCDIFGH", null],
    ["", null],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalizeReferralCode(input)).toBe(expected);
  });

  it("formats a code as two groups of four", () => {
    expect(formatReferralCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });
});

describe("identity", () => {
  it.each([
    ["Ana@Example.com ", "ana@example.com"],
    ["ana+promo@example.com", "ana@example.com"],
    ["a.n.a@gmail.com", "ana@gmail.com"],
    ["A.na+x@googlemail.com", "ana@gmail.com"],
    ["a.na@example.com", "a.na@example.com"],
  ])("normalises the email %j to %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ["+52 55 1234 5678", "5512345678", true],
    ["55-1234-5678", "(55) 1234 5678", true],
    ["+525512345678", "+525512345679", false],
    ["1234567", "+521234567", false],
    ["", "5512345678", false],
  ])("phones %j and %j are the same line: %s", (a, b, same) => {
    expect(samePhone(a, b)).toBe(same);
  });
});

describe("who may refer whom", () => {
  const referrer = { id: "m1", email: "ana@gmail.com", phone: "+525512345678" };
  it.each([
    [{ id: "m1" }, "self_referral"],
    [{ email: "A.N.A+friend@gmail.com" }, "same_identity"],
    [{ phone: "55 1234 5678" }, "same_identity"],
    [{ id: "m2", email: "beto@example.com", phone: "+525587654321" }, null],
    [{}, null],
  ] as const)("refuses %j: %s", (referee, expected) => {
    expect(refuseReferral(referrer, referee)).toBe(expected);
  });
});

describe("rewards", () => {
  const settings = { ...DEFAULT_REFERRAL_SETTINGS, referrerPoints: 100, refereePoints: 50, limitPerReferrer: 2 };
  it.each([
    [0, true],
    [1, true],
    [2, false],
    [5, false],
  ])("with %i referrals already rewarded and a limit of 2, rewards: %s", (soFar, rewarded) => {
    const decision = decideReward(settings, soFar);
    expect(decision.reward).toBe(rewarded);
    if (decision.reward) expect(decision).toEqual({ reward: true, referrerPoints: 100, refereePoints: 50 });
    else expect(decision).toEqual({ reward: false, reason: "limit_reached" });
  });

  it("never runs out without a limit", () => {
    expect(decideReward({ ...settings, limitPerReferrer: null }, 10_000).reward).toBe(true);
  });

  it.each([
    [0, 0, false],
    [1, 0, true],
    [24_999, 25_000, false],
    [25_000, 25_000, true],
  ])("a purchase of %i against a minimum of %i qualifies: %s", (amount, min, expected) => {
    expect(qualifies(amount, { minPurchaseMinor: min })).toBe(expected);
  });

  it("fills stored settings in over the defaults, keeping an explicit null limit", () => {
    expect(referralSettingsOf(undefined)).toEqual(DEFAULT_REFERRAL_SETTINGS);
    expect(referralSettingsOf({ referrerPoints: 7, limitPerReferrer: null })).toEqual({ ...DEFAULT_REFERRAL_SETTINGS, referrerPoints: 7, limitPerReferrer: null });
  });
});
