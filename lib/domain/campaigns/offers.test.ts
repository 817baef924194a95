import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitsCaps, offerCostMinor } from "./budget";
import { offerKey, offerRefusal } from "./offer";
import { renderTemplate, withCouponLine } from "./render";

const NOW = new Date("2026-06-15T18:00:00Z");

describe("offer caps", () => {
  const none = { points: null, moneyMinor: null, count: null };
  it.each([
    ["a count cap of 3 takes a third coupon", { ...none, count: 3 }, { points: 0, moneyMinor: 0, count: 2 }, 5_000, true],
    ["a count cap of 3 refuses a fourth", { ...none, count: 3 }, { points: 0, moneyMinor: 0, count: 3 }, 5_000, false],
    ["a money cap takes a coupon that reaches it exactly", { ...none, moneyMinor: 15_000 }, { points: 0, moneyMinor: 10_000, count: 2 }, 5_000, true],
    ["a money cap refuses a coupon that would pass it", { ...none, moneyMinor: 12_000 }, { points: 0, moneyMinor: 10_000, count: 2 }, 5_000, false],
    ["no caps take anything", none, { points: 0, moneyMinor: 1e9, count: 1e6 }, 5_000, true],
  ])("%s", (_name, caps, spent, cost, fits) => {
    expect(fitsCaps(caps, spent, { points: 0, moneyMinor: cost })).toBe(fits);
  });

  it("never issues past either cap, whatever the coupons cost (property)", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }), fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 80 }), (count, moneyMinor, costs) => {
        const caps = { points: null, moneyMinor, count };
        const spent = { points: 0, moneyMinor: 0, count: 0 };
        for (const cost of costs) {
          if (!fitsCaps(caps, spent, { points: 0, moneyMinor: cost })) continue;
          spent.moneyMinor += cost;
          spent.count += 1;
        }
        if (count !== null) expect(spent.count).toBeLessThanOrEqual(count);
        if (moneyMinor !== null) expect(spent.moneyMinor).toBeLessThanOrEqual(moneyMinor);
      }),
    );
  });

  it("values an amount discount at its amount, anything else at its points price, or not at all without a point value", () => {
    expect(offerCostMinor({ kind: "amount_discount", value: 5_000, pointsPrice: 500 }, null)).toBe(5_000);
    // 250 points at 0.4 minor units each = 100.
    expect(offerCostMinor({ kind: "free_product", value: null, pointsPrice: 250 }, 400)).toBe(100);
    expect(offerCostMinor({ kind: "percent_discount", value: 1_000, pointsPrice: 3 }, 333)).toBe(1);
    expect(offerCostMinor({ kind: "percent_discount", value: 1_000, pointsPrice: 300 }, null)).toBeNull();
  });
});

describe("what an offer's reward can refuse", () => {
  const reward = { status: "active" as const, validFrom: null, validUntil: null, stock: null };
  it.each([
    ["an active reward", reward, null],
    ["a draft reward kept for campaigns", { ...reward, status: "draft" as const }, null],
    ["an archived reward", { ...reward, status: "archived" as const }, "reward_archived"],
    ["a reward that starts tomorrow", { ...reward, validFrom: new Date("2026-06-16T00:00:00Z") }, "not_started"],
    ["a reward that ended", { ...reward, validUntil: NOW }, "ended"],
    ["a reward with no stock left", { ...reward, stock: 0 }, "out_of_stock"],
  ])("%s", (_name, terms, refusal) => {
    expect(offerRefusal(terms, NOW)).toBe(refusal);
  });

  it("keys each member's coupon by campaign and member", () => {
    expect(offerKey("c1", "m1")).toBe("campaign:c1:member:m1");
  });
});

describe("offer messages", () => {
  it("fills the reward and the coupon code", () => {
    expect(renderTemplate({ subject: "{name}, un regalo", body: "{reward}: {code}" }, { name: "Ana", reward: "Café gratis", code: "LZ-AAAAA-BBBBB" })).toEqual({ subject: "Ana, un regalo", body: "Café gratis: LZ-AAAAA-BBBBB" });
  });

  it("adds the coupon to an email that does not show it, in the member's language, and leaves one that does alone", () => {
    const coupon = { code: "LZ-AAAAA-BBBBB", expiresOn: "2026-07-15" };
    expect(withCouponLine({ subject: "Hola", body: "Un regalo." }, coupon, "es").body).toBe("Un regalo.\n\nTu cupón: LZ-AAAAA-BBBBB (válido hasta el 2026-07-15). Muéstralo en caja o búscalo en «Mis cupones» del portal.");
    expect(withCouponLine({ subject: "Hi", body: "A gift." }, coupon, "en").body).toContain("Your coupon: LZ-AAAAA-BBBBB (valid until 2026-07-15)");
    expect(withCouponLine({ subject: "Hi", body: "Code LZ-AAAAA-BBBBB" }, coupon, "en").body).toBe("Code LZ-AAAAA-BBBBB");
  });
});
