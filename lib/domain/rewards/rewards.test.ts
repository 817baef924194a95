import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUPON_ALPHABET, couponCodeFrom, isCouponCodeShape, normalizeCouponCode } from "./coupon-code";
import { effectiveStatus, transition, type CouponStatus } from "./coupon-state";
import { parsePartnerCodes } from "./partner-codes";
import { checkEligibility, couponExpiry, periodStart, priceFor, refusalCode, type RewardTerms } from "./eligibility";

const NOW = new Date("2026-06-15T12:00:00Z");
const base: RewardTerms = {
  status: "active",
  pointsPrice: 300,
  tierPrices: { gold: 200 },
  stock: null,
  perMemberLimit: null,
  periodLimit: null,
  validFrom: null,
  validUntil: null,
  eligibility: null,
};
const member = { tierKey: "silver", segmentIds: ["seg-1"] };
const none = { total: 0, inPeriod: 0 };

describe("checkEligibility", () => {
  it.each([
    ["an active reward with no conditions", {}, member, none, { eligible: true, price: 300 }],
    ["a draft", { status: "draft" }, member, none, { eligible: false, reason: "reward_inactive" }],
    ["an archived reward", { status: "archived" }, member, none, { eligible: false, reason: "reward_inactive" }],
    ["before its start", { validFrom: new Date("2026-06-16T00:00:00Z") }, member, none, { eligible: false, reason: "not_started" }],
    ["at its start", { validFrom: NOW }, member, none, { eligible: true }],
    ["at its end (exclusive)", { validUntil: NOW }, member, none, { eligible: false, reason: "ended" }],
    ["inside its window", { validFrom: new Date("2026-06-01"), validUntil: new Date("2026-07-01") }, member, none, { eligible: true }],
    ["a gold-only reward for silver", { eligibility: { tiers: ["gold"] } }, member, none, { eligible: false, reason: "tier_not_eligible" }],
    ["a gold-only reward for a member without tier", { eligibility: { tiers: ["gold"] } }, { tierKey: null, segmentIds: [] }, none, { eligible: false, reason: "tier_not_eligible" }],
    ["a silver-or-gold reward for silver", { eligibility: { tiers: ["silver", "gold"] } }, member, none, { eligible: true }],
    ["a segment reward for an outsider", { eligibility: { segmentIds: ["seg-2"] } }, member, none, { eligible: false, reason: "segment_not_eligible" }],
    ["a segment reward for an insider", { eligibility: { segmentIds: ["seg-2", "seg-1"] } }, member, none, { eligible: true }],
    ["an empty eligibility list", { eligibility: { tiers: [], segmentIds: [] } }, member, none, { eligible: true }],
    ["no stock left", { stock: 0 }, member, none, { eligible: false, reason: "out_of_stock" }],
    ["the last unit", { stock: 1 }, member, none, { eligible: true }],
    ["the per-member limit reached", { perMemberLimit: 2 }, member, { total: 2, inPeriod: 0 }, { eligible: false, reason: "limit_reached" }],
    ["under the per-member limit", { perMemberLimit: 2 }, member, { total: 1, inPeriod: 1 }, { eligible: true }],
    ["the period limit reached", { periodLimit: { count: 1, days: 30 } }, member, { total: 5, inPeriod: 1 }, { eligible: false, reason: "period_limit_reached" }],
    ["under the period limit", { periodLimit: { count: 2, days: 30 } }, member, { total: 5, inPeriod: 1 }, { eligible: true }],
  ] as const)("judges %s", (_name, terms, standing, usage, expected) => {
    expect(checkEligibility({ ...base, ...(terms as Partial<RewardTerms>) }, standing, usage, NOW)).toMatchObject(expected);
  });

  it("reports the member's price even when refusing", () => {
    expect(checkEligibility({ ...base, stock: 0 }, { tierKey: "gold", segmentIds: [] }, none, NOW)).toEqual({ eligible: false, reason: "out_of_stock", price: 200 });
  });
});

describe("priceFor and refusalCode", () => {
  it.each([
    ["gold", 200],
    ["silver", 300],
    [null, 300],
  ] as const)("prices tier %s at %i", (tier, price) => expect(priceFor(base, tier)).toBe(price));

  it("accepts a zero override (a free reward for a tier)", () => expect(priceFor({ pointsPrice: 100, tierPrices: { vip: 0 } }, "vip")).toBe(0));

  it.each([
    ["out_of_stock", "out_of_stock"],
    ["limit_reached", "limit_reached"],
    ["period_limit_reached", "limit_reached"],
    ["tier_not_eligible", "reward_not_eligible"],
    ["ended", "reward_not_eligible"],
  ] as const)("maps %s to the API code %s", (reason, code) => expect(refusalCode(reason)).toBe(code));
});

describe("coupon dates", () => {
  it("expires after its own validity", () => expect(couponExpiry(NOW, 30, null)).toEqual(new Date("2026-07-15T12:00:00Z")));
  it("never outlives the reward", () => expect(couponExpiry(NOW, 30, new Date("2026-06-20T00:00:00Z"))).toEqual(new Date("2026-06-20T00:00:00Z")));
  it("counts the period back from now", () => expect(periodStart({ periodLimit: { count: 1, days: 7 } }, NOW)).toEqual(new Date("2026-06-08T12:00:00Z")));
  it("has no period without a limit", () => expect(periodStart({ periodLimit: null }, NOW)).toBeNull());
});

describe("coupon codes", () => {
  it("groups ten symbols after the LZ prefix", () => {
    expect(couponCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 31]))).toBe("LZ-23456-789AZ");
  });

  it("refuses too few random bytes", () => expect(() => couponCodeFrom(new Uint8Array(9))).toThrow(RangeError));

  it("only ever uses unambiguous symbols, and normalizing a typed variant gives the code back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = couponCodeFrom(bytes);
        expect(isCouponCodeShape(code)).toBe(true);
        expect(code.slice(3).replace("-", "")).not.toMatch(/[01IO]/);
        expect(code.replace(/-/g, "").slice(2).split("").every((c) => COUPON_ALPHABET.includes(c))).toBe(true);
        expect(normalizeCouponCode(` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(code);
      }),
    );
  });

  it("leaves partner codes as they are (upper-cased)", () => expect(normalizeCouponCode(" stream-abc-123 ")).toBe("STREAM-ABC-123"));
});

describe("coupon transitions", () => {
  const later = new Date("2026-07-01T00:00:00Z");
  it.each([
    ["issued", "redeem", null, { ok: true, next: "redeemed" }],
    ["issued", "void", later, { ok: true, next: "voided" }],
    ["issued", "expire", later, { ok: false, code: "coupon_not_due" }],
    ["issued", "expire", NOW, { ok: true, next: "expired" }],
    ["issued", "redeem", NOW, { ok: false, code: "coupon_expired" }],
    ["redeemed", "redeem", later, { ok: false, code: "coupon_already_redeemed" }],
    ["redeemed", "void", later, { ok: false, code: "coupon_already_redeemed" }],
    ["expired", "redeem", null, { ok: false, code: "coupon_expired" }],
    ["voided", "redeem", null, { ok: false, code: "coupon_voided" }],
    ["voided", "expire", NOW, { ok: false, code: "coupon_voided" }],
  ] as const)("%s + %s (expires %s) → %o", (status, action, expiresAt, expected) => {
    expect(transition({ status, expiresAt }, action, NOW)).toEqual(expected);
  });

  it("never leaves a final status, whatever happens", () => {
    const statuses: CouponStatus[] = ["redeemed", "expired", "voided"];
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom("redeem", "expire", "void" as const), fc.option(fc.date({ noInvalidDate: true })), (status, action, expiresAt) => {
        expect(transition({ status, expiresAt }, action, NOW).ok).toBe(false);
        expect(effectiveStatus({ status, expiresAt }, NOW)).toBe(status);
      }),
    );
  });
});

describe("parsePartnerCodes", () => {
  it("takes the first CSV column, skips the header and blanks, and counts repeats once", () => {
    const parsed = parsePartnerCodes('code,expires\nSTREAM-001,2027-01-01\n"STREAM-002",x\n\nSTREAM-001\r\nSTREAM-003;y\n');
    expect(parsed).toEqual({ codes: ["STREAM-001", "STREAM-002", "STREAM-003"], duplicates: 1, invalid: [] });
  });

  it("reports lines that are not codes", () => {
    expect(parsePartnerCodes("ok-code-1\nno spaces allowed\n!!\n").invalid).toEqual(["no spaces allowed", "!!"]);
  });

  it("never returns a code twice (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z0-9]{3,8}$/), { maxLength: 50 }), (codes) => {
        const parsed = parsePartnerCodes(codes.join("\n"));
        expect(new Set(parsed.codes).size).toBe(parsed.codes.length);
        expect(parsed.codes.length + parsed.duplicates).toBe(codes.length);
      }),
    );
  });
});
